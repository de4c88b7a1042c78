// What a client does with its sockets and listeners when a server or a
// caller pushes it: thousands of concurrent calls share at most
// maxSocketsPerOrigin connections (the rest queue, and leave the queue when
// aborted); a kept-alive socket is dropped before the idle timeout the server
// announced, so a POST never lands on a socket the server has closed; and a
// paginate iterator dropped without return() leaves nothing on the caller's
// long-lived AbortSignal.
import { getEventListeners } from "node:events";
import { type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TwilioAbortError, createInteractionsClient } from "twilio-interactions";
// The node:http wire in both test projects: only it knows whether a socket was reused.
import { createInteractionsClient as createNodeWireClient } from "../../src/index";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../helpers/fixtures";
import { CALLS } from "./calls";
import { INTERACTION } from "./fault-server";

interface Counted {
  url: string;
  server: Server;
  /** Connections open at once, at most. */
  maxOpen: number;
  connections: number;
  requests: number;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A loopback server that counts its connections and answers each request with `reply`. */
async function countingServer(reply: (response: ServerResponse, socket: Socket) => void): Promise<Counted> {
  let open = 0;
  const server = createServer((request, response) => {
    counted.requests++;
    request.resume();
    request.on("end", () => reply(response, request.socket));
  });
  servers.push(server);
  const counted: Counted = { url: "", server, maxOpen: 0, connections: 0, requests: 0 };
  server.on("connection", (socket: Socket) => {
    counted.connections++;
    counted.maxOpen = Math.max(counted.maxOpen, ++open);
    socket.on("close", () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  counted.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return counted;
}

const client = (url: string, options: Parameters<typeof createInteractionsClient>[0] = {}) =>
  createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: url, proxy: url },
    ...options,
  });
const sendJson = (response: ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
  response.writeHead(200, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
const fetchInteraction = (twilio: ReturnType<typeof client>, signal?: AbortSignal) =>
  twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } }, signal });

describe("sockets per origin", () => {
  it("2,000 concurrent calls share at most 50 connections by default, and all succeed", async () => {
    const server = await countingServer((response) => setTimeout(() => sendJson(response, INTERACTION), 5));
    const twilio = client(server.url, { maxRetries: 0 });
    const results = await Promise.all(Array.from({ length: 2000 }, () => fetchInteraction(twilio)));
    expect(results.filter((r) => r.error !== undefined || r.data === undefined)).toEqual([]);
    expect(server.requests).toBe(2000);
    expect(server.maxOpen).toBeLessThanOrEqual(50);
  });

  it("maxSocketsPerOrigin: 4 opens at most four connections and queues the rest", async () => {
    const server = await countingServer((response) => setTimeout(() => sendJson(response, INTERACTION), 5));
    const twilio = client(server.url, { maxSocketsPerOrigin: 4 });
    await Promise.all(Array.from({ length: 100 }, () => fetchInteraction(twilio)));
    expect(server.requests).toBe(100);
    expect(server.maxOpen).toBeLessThanOrEqual(4);
  });

  it("a call aborted while queued leaves the queue at once and is never sent", async () => {
    let release: () => void = () => {};
    const server = await countingServer((response) => {
      release = () => sendJson(response, INTERACTION);
    });
    const twilio = client(server.url, { maxSocketsPerOrigin: 1 });
    const first = fetchInteraction(twilio);
    const controller = new AbortController();
    const queued = fetchInteraction(twilio, controller.signal);
    await expect.poll(() => server.requests).toBe(1);
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(TwilioAbortError);
    release();
    expect((await first).data).toEqual(INTERACTION);
    expect(server.requests).toBe(1);
  });
});

describe("kept-alive sockets", () => {
  it("a POST after the idle timeout the server announced goes on a new connection, not the closed one", async () => {
    // The server says it keeps idle connections 2 s and in fact drops them after 1.2 s: a request
    // arriving on one later is reset unread, as on a socket the server had already closed.
    const lastAnswer = new WeakMap<Socket, number>();
    let resets = 0;
    const server = await countingServer((response, socket) => {
      const last = lastAnswer.get(socket);
      if (last !== undefined && Date.now() - last > 1200) {
        resets++;
        socket.resetAndDestroy();
        return;
      }
      sendJson(response, INTERACTION, { connection: "keep-alive", "keep-alive": "timeout=2" });
      response.on("finish", () => lastAnswer.set(socket, Date.now()));
    });
    const twilio = client(server.url, { maxRetries: 0 });
    for (let i = 0; i < 3; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1500));
      const { data, error } = (await CALLS.create.run(twilio))!;
      expect(error).toBeUndefined();
      expect(data).toEqual(INTERACTION);
    }
    expect(resets).toBe(0);
    expect(server.requests).toBe(3);
  });

  it("on the node:http wire, a POST whose reused socket is reset before any response byte is retried", async () => {
    const served = new WeakMap<Socket, number>();
    let resets = 0;
    const server = await countingServer((response, socket) => {
      const count = (served.get(socket) ?? 0) + 1;
      served.set(socket, count);
      // Every second request on a connection meets a server that has just closed it.
      if (count === 2) {
        resets++;
        socket.resetAndDestroy();
        return;
      }
      sendJson(response, INTERACTION);
    });
    const twilio = createNodeWireClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrls: { flex: server.url, proxy: server.url },
      maxRetries: 2,
    });
    for (let i = 0; i < 3; i++) {
      const { data, error } = (await CALLS.create.run(twilio))!;
      expect(error).toBeUndefined();
      expect(data).toEqual(INTERACTION);
    }
    expect(resets).toBe(2);
    expect(server.requests).toBe(5);
  });
});

describe("paginate and the caller's AbortSignal", () => {
  it("iterators dropped without return() leave no listener on the signal", async () => {
    const server = await countingServer((response) => {
      const next = `${server.url}/v1/Interactions/${INTERACTION_SID}/Channels?PageSize=1&Page=${server.requests}`;
      sendJson(response, { channels: [{ sid: "UO" }], meta: { page: 0, page_size: 1, next_page_url: next } });
    });
    const twilio = client(server.url);
    const controller = new AbortController();
    const list = () =>
      twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: { InteractionSid: INTERACTION_SID } },
        signal: controller.signal,
      });
    for (let i = 0; i < 20; i++) {
      await list()[Symbol.asyncIterator]().next();
      await list().pages().next();
    }
    // Each iterator fetched its first page and prefetched the second.
    await expect.poll(() => server.requests).toBe(80);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

// A body over `maxBodyBytes` is refused without reading the rest (issue 25):
// a 50 MB body streamed to a web Request or to Node's IncomingMessage behind
// a real node:http server, a Content-Length that announces one, and a raw body
// a framework already read. What was read is counted at the source: the
// stream's pulls, the server socket's bytes.
import { type Server, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  EventTooLargeError,
  TwilioConfigError,
  receiveInteractionEvent,
  receiveNodeInteractionEvent,
  twilioSignature,
} from "twilio-interactions";
import { AUTH_TOKEN } from "../helpers/fixtures";
import { FORM, LEFT, URL_, refusal, signedRequest } from "./support";

const options = { authToken: AUTH_TOKEN };

// A body that never ends unless it is read to its 50 MB end; `pulled` counts what was taken from it.
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode("a=".padEnd(64 * 1024, "b"));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
      if (pulled >= 50 * 1024 * 1024) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe("a body over the cap is refused without reading the rest", () => {
  const cap = 64 * 1024;

  it("receiveInteractionEvent stops a 50 MB stream after the default 64 KiB, and cancels it", async () => {
    const body = endlessBody();
    const request = new Request(URL_, {
      method: "POST",
      body: body.stream,
      headers: { "content-type": FORM, "x-twilio-signature": "forged" },
      duplex: "half",
    } as RequestInit);
    const error = await refusal(receiveInteractionEvent(request, options));
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({ maxBodyBytes: cap });
    expect(body.pulled()).toBeLessThanOrEqual(cap + 2 * 64 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(body.cancelled()).toBe(true);
  });

  it("refuses a Content-Length over the cap before reading the body", async () => {
    const body = endlessBody();
    const request = new Request(URL_, {
      method: "POST",
      body: body.stream,
      headers: { "content-type": FORM, "content-length": String(50 * 1024 * 1024), "x-twilio-signature": "x" },
      duplex: "half",
    } as RequestInit);
    expect(await refusal(receiveInteractionEvent(request, { verifySignature: false }))).toBeInstanceOf(
      EventTooLargeError,
    );
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024); // the stream's own first pull, nothing read by the receiver
  });

  it("refuses a raw body over the cap before decoding it, and honours maxBodyBytes", async () => {
    const message = {
      method: "POST",
      url: "/flex-events",
      headers: { host: "example.org", "x-twilio-signature": "x" },
    };
    const big = "a=".padEnd(50 * 1024 * 1024, "b");
    expect(await refusal(receiveNodeInteractionEvent(message, big, options))).toBeInstanceOf(EventTooLargeError);
    expect(await refusal(receiveNodeInteractionEvent(message, new Uint8Array(cap + 1), options))).toBeInstanceOf(
      EventTooLargeError,
    );
    const padded = { ...LEFT, Padding: "p".repeat(100_000) };
    expect(await refusal(receiveInteractionEvent(await signedRequest(padded), options))).toBeInstanceOf(
      EventTooLargeError,
    );
    await expect(
      receiveInteractionEvent(await signedRequest(padded), { ...options, maxBodyBytes: 200_000 }),
    ).resolves.toMatchObject(LEFT);
    for (const maxBodyBytes of [-1, 1.5, Number.NaN]) {
      await expect(receiveInteractionEvent(await signedRequest(LEFT), { ...options, maxBodyBytes })).rejects.toThrow(
        TwilioConfigError,
      );
    }
  });

  it("turns a body that breaks off into a MalformedEventError", async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("EventType=on"));
        controller.error(new Error("connection reset"));
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      body: broken,
      headers: { "content-type": FORM },
      duplex: "half",
    } as RequestInit);
    const error = await refusal(receiveInteractionEvent(request, { verifySignature: false }));
    expect(error).toMatchObject({ name: "MalformedEventError", parameter: "body" });
    expect(error.message).toMatch(/broke off/);
  });

  it("refuses a parsed body given as the raw one, saying what to pass", async () => {
    const message = { method: "POST", url: "/", headers: { host: "example.org" } };
    await expect(receiveNodeInteractionEvent(message, LEFT as never, options)).rejects.toThrow(/raw body/);
    await expect(receiveNodeInteractionEvent(message, undefined, options)).rejects.toThrow(TwilioConfigError);
  });
});

describe("receiveNodeInteractionEvent reading the request itself behind node:http", () => {
  let server: Server;
  let base: string;
  const seen: { name: string; bytesRead: number }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      receiveNodeInteractionEvent(req, undefined, options).then(
        (event) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(event)),
        (error: Error) => {
          seen.push({ name: error.name, bytesRead: req.socket.bytesRead });
          res.writeHead(error instanceof EventTooLargeError ? 413 : 403, { connection: "close" }).end(error.name);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  // Streams up to 50 MB, as fast as the server reads, and returns the status it answered.
  function post50MB(headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const chunk = Buffer.alloc(64 * 1024, "a");
      let written = 0;
      const request = httpRequest(`${base}/flex-events`, {
        method: "POST",
        headers: { "content-type": FORM, ...headers },
      });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : reject(error)));
      const pump = (): void => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.byteLength;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
        request.end();
      };
      pump();
    });
  }

  it("accepts a signed event", async () => {
    const url = `${base}/flex-events`;
    const response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(LEFT),
      headers: { "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, LEFT) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(LEFT);
  });

  it("refuses a body the client breaks off with a MalformedEventError", async () => {
    seen.length = 0;
    const request = httpRequest(`${base}/flex-events`, {
      method: "POST",
      headers: { "content-type": FORM, "content-length": "1000", "x-twilio-signature": "x" },
    });
    request.on("error", () => undefined);
    request.write("EventType=on", () => setTimeout(() => request.destroy(), 50));
    await vi.waitFor(() => expect(seen.map((s) => s.name)).toEqual(["MalformedEventError"]));
  });

  it("stops reading a 50 MB body past the cap, streamed or announced, and the handler answers 413", async () => {
    seen.length = 0;
    expect(await post50MB({ "x-twilio-signature": "forged" })).toBe(413);
    expect(await post50MB({ "x-twilio-signature": "forged", "content-length": String(50 * 1024 * 1024) })).toBe(413);
    expect(seen.map((s) => s.name)).toEqual(["EventTooLargeError", "EventTooLargeError"]);
    // What Node took off the socket: the cap plus its buffers, not 50 MB.
    for (const { bytesRead } of seen) expect(bytesRead).toBeLessThan(1024 * 1024);
  });
});

// A loopback server that misbehaves on purpose. Each scenario of the table is
// a handler for the n-th request of a test: HTTP-level faults go through
// node:http, byte-level ones (resets, truncated or stalled bodies, non-HTTP
// bytes) are written straight to the socket. Requests are recorded (by
// test/helpers/server.ts) with their arrival time, so tests can count them
// and measure the waits between retries.
import type { ServerResponse } from "node:http";
import { type ReceivedRequest, json, startServer } from "../helpers/server";
import {
  BODY,
  type Exchange,
  HTML_PAGE,
  INTERACTION,
  type Notes,
  type Scenario,
  TRUNCATED_BODY,
  echoed,
  failure,
  head,
  largePageBody,
  listPage,
  ok,
  pageNumber,
  pageUrl,
  raw,
  channel,
} from "./replies";
import { HOSTILE_SCENARIOS } from "./hostile-scenarios";

export { HTML_PAGE, INTERACTION, LARGE_PAGE_ITEMS, PAGE_ITEMS, TRUNCATED_BODY } from "./replies";

// --- The scenario table -------------------------------------------------------

export const SCENARIOS = {
  // Rate limiting and server errors.
  "429 with Retry-After in seconds": (x) => (x.n === 1 ? failure(x, 429, { "retry-after": "1" }) : ok(x)),
  "429 with a Retry-After over 60 s": (x) => (x.n === 1 ? failure(x, 429, { "retry-after": "3600" }) : ok(x)),
  "429 without Retry-After, every time": (x) => failure(x, 429),
  "500, 502, 503, then success": (x) => {
    const status = [500, 502, 503][x.n - 1];
    if (status === undefined) ok(x);
    else failure(x, status);
  },
  "408, then success": (x) => (x.n === 1 ? json(x.response, 408, { status: 408, message: "Request Timeout" }) : ok(x)),

  // Broken connections and slow servers.
  "connection reset before headers": (x) => x.response.socket!.resetAndDestroy(),
  "connection reset in the middle of the body": (x) => {
    raw(x, head("200 OK", { "content-type": "application/json", "content-length": BODY.length }) + TRUNCATED_BODY);
    x.later(20, () => x.response.socket?.resetAndDestroy());
  },
  "headers slower than the timeout": (x) => x.later(1500, () => ok(x)),
  "a body that stalls": (x) => {
    raw(x, head("200 OK", { "content-type": "application/json", "content-length": BODY.length }) + TRUNCATED_BODY);
  },
  "truncated JSON: connection closed before Content-Length": (x) => {
    raw(
      x,
      head("200 OK", { "content-type": "application/json", "content-length": BODY.length }) + TRUNCATED_BODY,
    ).end();
  },
  "bytes that are not HTTP": (x) => raw(x, "SSH-2.0-OpenSSH_9.6\r\n\r\n").end(),
  "invalid status 999": (x) => raw(x, head("999 Whatever", { "content-length": 2 }) + "{}").end(),

  // Complete HTTP responses whose content is wrong.
  "truncated JSON: complete HTTP response": (x) => {
    x.response.writeHead(200, { "content-type": "application/json" }).end(TRUNCATED_BODY);
  },
  "HTML error page with 502": (x) => x.response.writeHead(502, { "content-type": "text/html" }).end(HTML_PAGE),
  "empty 200 body": (x) => x.response.writeHead(200, { "content-type": "application/json" }).end(),
  "JSON labelled text/plain": (x) => x.response.writeHead(200, { "content-type": "text/plain" }).end(BODY),
  "HTML page with 200": (x) => x.response.writeHead(200, { "content-type": "text/html" }).end(HTML_PAGE),
  "redirect to another origin": (x) => {
    const status = x.request.method === "GET" ? 302 : 307;
    x.response.writeHead(status, { location: `${x.foreign}${x.request.url}` }).end();
  },

  // Pagination that must stop.
  "next_page_url on another origin": (x) => listPage(x, pageUrl(x, 1, x.foreign)),
  "next_page_url that repeats itself": (x) => listPage(x, pageUrl(x, 1)),
  "next_page_url back to the first page": (x) => {
    const first = `${x.origin}${new URL(x.request.url, x.origin).pathname}`;
    listPage(x, pageNumber(x) === 0 ? pageUrl(x, 1) : first);
  },
  "page without meta": (x) => json(x.response, 200, { channels: [channel(0, 0), channel(0, 1)] }),
  "empty page with a next_page_url": (x) => listPage(x, pageUrl(x, pageNumber(x) + 1), 0),
  "10 MB page": (x) => {
    if (pageNumber(x) === 0) {
      x.response.writeHead(200, { "content-type": "application/json" }).end(largePageBody(pageUrl(x, 1)));
    } else listPage(x, null);
  },

  // A server that echoes the credential back wherever it can.
  "401 echoing the credential in its body and headers": (x) => {
    const { token, pair, secret } = echoed(x);
    const body = {
      status: 401,
      code: 20003,
      message: `Authenticate: got ${pair} (${token}, ${encodeURIComponent(secret)})`,
      more_info: `https://example.com/?secret=${secret}`,
      details: { authorization: `Basic ${token}`, secret },
    };
    json(x.response, 401, body, { "www-authenticate": `Basic ${token}`, "x-echo": secret });
  },
  "200 echoing the credential in its Content-Type": (x) => {
    x.response.writeHead(200, { "content-type": `text/${echoed(x).secret}` }).end(HTML_PAGE);
  },
  "redirect echoing the credential": (x) => {
    const { token, secret } = echoed(x);
    const location = `http://${secret}.example.com/?token=${encodeURIComponent(token)}`;
    x.response.writeHead(302, { location, "content-type": `text/${secret}` }).end();
  },
  "next_page_url echoing the credential in its host": (x) => {
    listPage(x, `http://${echoed(x).secret}.example.com${new URL(x.request.url, x.origin).pathname}?Page=1`);
  },
  "next_page_url echoing the credential in its path": (x) => {
    listPage(x, `${x.origin}/v1/${echoed(x).secret}/Channels`);
  },
  "next_page_url echoing the credential in its query, then a stall": (x) => {
    if (x.n === 1) return listPage(x, `${pageUrl(x, 1)}&Echo=${encodeURIComponent(echoed(x).secret)}`);
    // Headers never come: the next page times out, naming its URL.
  },
  ...HOSTILE_SCENARIOS,
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export interface FaultServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** `Date.now()` when each request had been received in full. */
  readonly arrivals: number[];
  readonly notes: Notes;
  /** How many requests the server holds: received, with a response it has not finished (a stall). */
  held(): number;
  close(): Promise<void>;
}

/**
 * Starts a server that plays `scenario`, or (without one) an innocent server
 * that answers 200 to anything, to stand for another origin.
 */
export async function startFaultServer(scenario?: ScenarioName, foreign = ""): Promise<FaultServer> {
  const arrivals: number[] = [];
  const responses: ServerResponse[] = [];
  const notes: Notes = {};
  const timers = new Set<NodeJS.Timeout>();
  let origin = "";
  const server = await startServer((request, response) => {
    arrivals.push(Date.now());
    responses.push(response);
    if (!scenario) return json(response, 200, INTERACTION);
    const later = (ms: number, reply: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) reply();
      }, ms);
      timers.add(timer);
    };
    SCENARIOS[scenario]({ request, response, n: arrivals.length, origin, foreign, notes, later });
  });
  origin = server.url;
  return {
    url: server.url,
    requests: server.requests,
    arrivals,
    notes,
    held: () => responses.filter((response) => !response.writableEnded).length,
    close() {
      for (const timer of timers) clearTimeout(timer);
      return server.close();
    },
  };
}

/** A loopback URL on which nothing listens: connecting is refused. */
export async function refusingUrl(): Promise<string> {
  const server = await startServer();
  await server.close();
  return server.url;
}

// The bench's loopback API server, run in its own process so that its CPU is
// never counted against a contender. Every body is serialized once at start.
// It checks what each contender sends (credentials, a form body with Channel
// and Routing) so that a contender cannot win by sending less, and counts the
// requests so the bench can prove each contender really talked to it.
// Started by the bench over IPC; exits when the bench goes away.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AUTHORIZATION,
  CHANNELS_PATH,
  INTERACTIONS_PATH,
  INTERACTION_PATH,
  PAGES,
  channelPage,
  interaction,
} from "./fixtures.mts";

export interface ServerStats {
  requests: number;
  rejected: number;
}

const stats: ServerStats = { requests: 0, rejected: 0 };
let interactionBody = Buffer.alloc(0);
let pageBodies: Buffer[] = [];

function send(response: ServerResponse, status: number, body: Buffer): void {
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": body.length,
    "twilio-request-id": "RQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  });
  response.end(body);
}

function reject(response: ServerResponse, status: number, message: string): void {
  stats.rejected++;
  send(response, status, Buffer.from(JSON.stringify({ code: 20001, message, more_info: "", status })));
}

function route(request: IncomingMessage, body: string, response: ServerResponse): void {
  const [path = "", query = ""] = (request.url ?? "").split("?", 2);
  if (path === "/__stats") return send(response, 200, Buffer.from(JSON.stringify(stats)));
  stats.requests++;
  if (request.headers.authorization !== AUTHORIZATION) return reject(response, 401, "Authenticate");
  if (request.method === "GET" && path === INTERACTION_PATH) return send(response, 200, interactionBody);
  if (request.method === "POST" && path === INTERACTIONS_PATH) {
    const form = new URLSearchParams(body);
    const formType = request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded");
    if (!formType || !form.get("Channel")?.startsWith("{") || !form.get("Routing")?.startsWith("{")) {
      return reject(response, 400, "Channel and Routing are required JSON form fields");
    }
    return send(response, 200, interactionBody);
  }
  if (request.method === "GET" && path === CHANNELS_PATH) {
    const page = Number(new URLSearchParams(query).get("Page") ?? 0);
    const pageBody = pageBodies[page];
    return pageBody ? send(response, 200, pageBody) : reject(response, 400, `No page ${page}`);
  }
  reject(response, 404, `No route for ${request.method} ${path}`);
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => route(request, Buffer.concat(chunks).toString("utf8"), response));
});
// Longer than any pause between two requests of a run, so that no contender
// pays for a reconnect the others do not.
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  interactionBody = Buffer.from(JSON.stringify(interaction(origin)));
  pageBodies = Array.from({ length: PAGES }, (_, page) => Buffer.from(JSON.stringify(channelPage(origin, page))));
  process.send?.({ origin });
});

// The IPC channel closes when the bench exits for any reason, even SIGKILL.
process.on("disconnect", () => process.exit(0));

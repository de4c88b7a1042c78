// A real HTTP server on 127.0.0.1 for tests: records every request it
// receives (method, URL, headers, body) and answers with a per-test handler.
import { type IncomingMessage, type RequestListener, type Server, type ServerResponse, createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

// Handlers may return anything (e.g. `res.end()`'s return value); it is ignored.
export type Handler = (request: ReceivedRequest, response: ServerResponse, raw: IncomingMessage) => unknown;

export interface TestServer {
  /** `http://127.0.0.1:PORT` (`https://` when started with TLS options) */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Replaces the handler and forgets the recorded requests. */
  reset(handler?: Handler): void;
  close(): Promise<void>;
}

/** Answers with a JSON body. */
export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Serves HTTPS with this key and certificate (PEM) instead of plain HTTP. */
export interface TlsOptions {
  key: string;
  cert: string;
}

export async function startServer(
  handler: Handler = (_req, res) => json(res, 404, { status: 404, message: "no handler" }),
  tls?: TlsOptions,
): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  let current = handler;
  const listener: RequestListener = (raw, response) => {
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const request = {
        method: raw.method ?? "",
        url: raw.url ?? "",
        headers: raw.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      Promise.resolve(current(request, response, raw)).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    reset(next = handler) {
      current = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

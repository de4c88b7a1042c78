// emulator.listen(): the emulator over real HTTP on loopback, one port per
// API, for tools and languages that cannot take an in-process fetch. node:http
// is reached through process.getBuiltinModule when listen() is called, so the
// rest of the emulator loads on edge runtimes too (where listen() says it
// cannot run).
import type { EmulatorRequest, EmulatorResponse } from "./exchange";

/**
 * Options of `emulator.listen()`.
 *
 * @example
 * ```ts
 * const server = await emulator.listen({ ports: { flex: 4010, proxy: 4011 } });
 * ```
 */
export interface ListenOptions {
  /** Loopback address to bind (default `127.0.0.1`). */
  host?: string;
  /** Fixed ports; free ones are picked by default. */
  ports?: { flex?: number; proxy?: number };
}

/**
 * The emulator served over HTTP.
 *
 * @example
 * ```ts
 * const server = await emulator.listen();
 * try {
 *   const twilio = createInteractionsClient({ ...emulator.credentials, baseUrls: server.baseUrls });
 * } finally {
 *   await server.close();
 * }
 * ```
 */
export interface EmulatorServer {
  /** `http://127.0.0.1:<port>` of each API, for the client's `baseUrls` or any other tool. */
  readonly baseUrls: { readonly flex: string; readonly proxy: string };
  /** Stops both servers and closes their connections. */
  close(): Promise<void>;
}

export type Respond = (request: EmulatorRequest, signal: AbortSignal) => Promise<EmulatorResponse>;

// The small part of node:http used here (src/ compiles without Node types).
interface IncomingMessage {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  setEncoding(encoding: "utf8"): void;
  on(event: "data", listener: (chunk: string) => void): void;
  on(event: "end", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  socket: { destroy(): void };
}
interface ServerResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body?: string): void;
  on(event: "close", listener: () => void): void;
  writableFinished: boolean;
}
interface HttpServer {
  listen(port: number, host: string, callback: () => void): void;
  once(event: "error", listener: (error: Error) => void): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  closeAllConnections(): void;
}
interface HttpModule {
  createServer(handler: (req: IncomingMessage, res: ServerResponse) => void): HttpServer;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/;

function httpModule(): HttpModule {
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  if (typeof proc?.getBuiltinModule !== "function")
    throw new Error(
      "emulator.listen() needs node:http (Node 20.16+, Bun or Deno); use emulator.fetch in-process here.",
    );
  return proc.getBuiltinModule("node:http") as HttpModule;
}

function handler(respond: Respond, base: () => string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("error", () => req.socket.destroy());
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      const aborter = new AbortController();
      // A client that hangs up ends a scripted delay early.
      res.on("close", () => res.writableFinished || aborter.abort());
      const request = { method: req.method ?? "GET", url: new URL(req.url ?? "/", base()), headers, body };
      respond(request, aborter.signal).then(
        (response) => {
          if (response.drop) return req.socket.destroy();
          res.writeHead(response.status, response.headers);
          res.end(response.body);
        },
        () => req.socket.destroy(),
      );
    });
  };
}

function start(
  http: HttpModule,
  respond: Respond,
  host: string,
  port: number,
): Promise<{ server: HttpServer; url: string }> {
  return new Promise((resolve, reject) => {
    let url = "";
    const server = http.createServer(handler(respond, () => url));
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
      resolve({ server, url });
    });
  });
}

function stop(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts one loopback server per API, both answering through `respond`. */
export async function listen(respond: Respond, options: ListenOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.test(host))
    throw new TypeError(`listen(): host must be a loopback address such as 127.0.0.1, not "${host}".`);
  const http = httpModule();
  const started = await Promise.allSettled([
    start(http, respond, host, options.ports?.flex ?? 0),
    start(http, respond, host, options.ports?.proxy ?? 0),
  ]);
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all(servers.map(({ server }) => stop(server)));
    throw failed.reason;
  }
  let closing: Promise<void> | undefined;
  return {
    baseUrls: { flex: servers[0]!.url, proxy: servers[1]!.url },
    close: () => (closing ??= Promise.all(servers.map(({ server }) => stop(server))).then(() => undefined)),
  };
}

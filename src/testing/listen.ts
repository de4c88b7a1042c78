// emulator.listen(): the emulator over real HTTP on loopback, one port per
// API, for tools and languages that cannot take an in-process fetch. node:http
// is reached through process.getBuiltinModule when listen() is called, so the
// rest of the emulator loads on edge runtimes too (where listen() says it
// cannot run). What each request gets is in http-exchange.ts.
import {
  type IncomingMessage,
  type Responder,
  type ServerResponse,
  type Socket,
  clientErrorHandler,
  connectHandler,
  continueHandler,
  requestHandler,
} from "./http-exchange";

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
  /**
   * The origin clients reach each API at, when it is not the listening
   * address (a container's published port, a tunnel): the URLs in answers
   * (`next_page_url`, `url`, `links`) use it. A request's own `Host` header or
   * absolute-form target is never used for them.
   */
  publicBaseUrls?: { flex?: string; proxy?: string };
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

// The small part of node:http used here (src/ compiles without Node types).
interface HttpServer {
  listen(port: number, host: string, callback: () => void): void;
  once(event: "error", listener: (error: Error) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "clientError", listener: (error: Error, socket: Socket) => void): void;
  on(event: "connect", listener: (req: unknown, socket: Socket) => void): void;
  on(event: "checkContinue", listener: (req: IncomingMessage, res: ServerResponse) => void): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  closeAllConnections(): void;
}
interface HttpModule {
  createServer(handler: (req: IncomingMessage, res: ServerResponse) => void): HttpServer;
  readonly STATUS_CODES: Readonly<Record<number, string>>;
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

// An origin given for answers' URLs: http or https, and nothing after the port.
function publicOrigin(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const bare = url && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !bare || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new TypeError(
      `listen(): publicBaseUrls.${name} must be an http or https origin such as https://emulator.example:8443, with no path, not "${text}".`,
    );
  return url.origin;
}

function start(
  http: HttpModule,
  responder: Responder,
  host: string,
  port: number,
  publicUrl: string | undefined,
): Promise<{ server: HttpServer; url: string }> {
  return new Promise((resolve, reject) => {
    let url = "";
    const handle = requestHandler(responder, () => publicUrl ?? url);
    const server = http.createServer(handle);
    server.on("checkContinue", continueHandler(responder, handle));
    server.on("clientError", clientErrorHandler(responder, http.STATUS_CODES));
    server.on("connect", connectHandler(responder, http.STATUS_CODES));
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
      // Once listening, a server error (such as running out of file descriptors) is reported, never thrown.
      server.on("error", (error) =>
        console.error(`twilio-interactions/testing: the server on ${url} failed: ${error.message}`),
      );
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

/** Starts one loopback server per API, both answering through `responder`. */
export async function listen(responder: Responder, options: ListenOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.test(host))
    throw new TypeError(`listen(): host must be a loopback address such as 127.0.0.1, not "${host}".`);
  const flexUrl = publicOrigin("flex", options.publicBaseUrls?.flex);
  const proxyUrl = publicOrigin("proxy", options.publicBaseUrls?.proxy);
  const http = httpModule();
  const started = await Promise.allSettled([
    start(http, responder, host, options.ports?.flex ?? 0, flexUrl),
    start(http, responder, host, options.ports?.proxy ?? 0, proxyUrl),
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

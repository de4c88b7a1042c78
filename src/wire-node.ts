// The wire over node:http/node:https with keep-alive agents: on Node it costs
// about half of what fetch does per request (no Request, Response or stream
// objects, no AbortController). It is reached through
// process.getBuiltinModule rather than an import, so bundlers and edge
// runtimes never see a Node built-in; where that function is missing, the
// client falls back to fetch. Each module is loaded when first needed:
// node:http or node:https on the first request to such an origin, node:zlib
// on the first compressed response.
import {
  ACCEPT_ENCODING,
  type Wire,
  type WireHeaders,
  type WireResponse,
  WireNotSent,
  WireTimeout,
  WireTooLarge,
  decodeChunks,
} from "./wire";
import { deadlineTimer } from "./deadline-timer";

// The small part of node:http and node:zlib this module uses (src/ compiles without Node types).
interface Readable {
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end" | "close", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  pipe(destination: Readable): void;
  destroy(): void;
}
interface IncomingMessage extends Readable {
  statusCode?: number;
  statusMessage?: string;
  headers: Record<string, string | string[] | undefined>;
  complete: boolean;
}
interface ClientRequest {
  reusedSocket: boolean;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "information", listener: (info: { statusCode: number }) => void): void;
  on(event: "upgrade", listener: (response: unknown, socket: { destroy(): void }) => void): void;
  end(body?: string): void;
  destroy(error?: Error): void;
}
const IDLE_DEADLINE = Symbol("idle deadline");
interface Socket {
  destroy(): void;
  _httpMessage?: { res?: { headers: Record<string, string | string[] | undefined> } } | null;
  [IDLE_DEADLINE]?: number;
}
interface Agent {
  freeSockets: Record<string, Socket[] | undefined>;
  keepSocketAlive(socket: Socket): boolean;
}
interface RequestOptions {
  method: string;
  headers: Record<string, string>;
  agent: Agent;
}
interface HttpModule {
  Agent: new (options: { keepAlive: boolean }) => Agent;
  request(url: string, options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest;
  request(
    options: RequestOptions & { protocol: string; hostname: string; port: number | undefined; path: string },
    callback: (response: IncomingMessage) => void,
  ): ClientRequest;
}
interface ZlibModule {
  createGunzip(): Readable;
  createInflate(): Readable;
  createBrotliDecompress(): Readable;
}
interface StringDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}
interface NodeBuffer extends Uint8Array {
  toString(encoding?: "latin1"): string;
}
// node:buffer's and node:string_decoder's parts this module uses.
interface BufferModule {
  Buffer: {
    from(bytes: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer;
  };
  isAscii(bytes: Uint8Array): boolean;
  StringDecoder: new (encoding: "utf8") => StringDecoder;
}
interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?(id: string): unknown;
}

/**
 * How long a kept-alive socket may stay idle. Below the usual server idle
 * timeouts (5 s for Node, 60 s and more for load balancers), so the client
 * drops a socket before the server does; a shorter `Keep-Alive: timeout=N`
 * the server announces wins, less the second Node's agent allows for.
 */
const IDLE_TIMEOUT_MS = 4000;
const KEEP_ALIVE_HINT = /^timeout=(\d+)/;
// A path and query that a URL parser leaves exactly as they are: no character it would
// percent-encode (such as ' in a query), and no dot segment it would resolve.
const SETTLED_PATH = /^\/[\w\-.~!$&()*+,;=:@%/?]*$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?]|$)/i;
// Errors of a reused socket that mean the server had closed it before reading the request.
const STALE_SOCKET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/**
 * A body read in chunks, as text, under a size cap. One chunk (the usual
 * small response) is decoded once. From a second on, each chunk becomes text
 * as it arrives, so a large body is never held whole as bytes and copied
 * (that cost paging 50,000 records some 40 % more CPU in copies and garbage
 * collection): an ASCII chunk (JSON as Twilio sends it is ASCII) is copied
 * as Latin-1, the same text without the work of UTF-8 decoding; from the
 * first chunk that is not ASCII on, a UTF-8 decoder takes every chunk, as
 * `setEncoding` does, since a character may be split between chunks. A
 * leading byte order mark is dropped, as fetch's `text()` does.
 */
class BodyText {
  readonly #maxBytes: number;
  readonly #modules: () => BufferModule;
  #bytes = 0;
  #chunks = 0;
  #first: Uint8Array | undefined;
  #text = "";
  #decoder: StringDecoder | undefined;

  constructor(maxBytes: number, modules: () => BufferModule) {
    this.#maxBytes = maxBytes;
    this.#modules = modules;
  }

  /** Adds a chunk; false once the body is larger than the cap. Throws a RangeError past the longest string. */
  add(chunk: Uint8Array): boolean {
    this.#bytes += chunk.length;
    if (this.#bytes > this.#maxBytes) return false;
    if (++this.#chunks === 1) this.#first = chunk;
    else {
      if (this.#first) {
        this.#append(this.#first);
        this.#first = undefined;
      }
      this.#append(chunk);
    }
    return true;
  }

  #append(chunk: Uint8Array): void {
    const { Buffer, isAscii, StringDecoder } = this.#modules();
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (!this.#decoder && isAscii(bytes)) this.#text += bytes.toString("latin1");
    else this.#text += (this.#decoder ??= new StringDecoder("utf8")).write(bytes);
  }

  text(): string {
    if (this.#first) return decodeChunks([this.#first], this.#bytes);
    const text = this.#decoder ? this.#text + this.#decoder.end() : this.#text;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/**
 * node:http's own headers object (its agent builds it for every response
 * anyway), read by name; the flat copy of them all is made only when asked
 * for: filling an object key by key costs more than reading it.
 */
class NodeHeaders implements WireHeaders {
  // node:http's parser refuses a header value that is not valid HTTP.
  readonly checked = true;
  readonly #received: IncomingMessage["headers"];
  #all: Record<string, string> | undefined;

  constructor(received: IncomingMessage["headers"]) {
    this.#received = received;
  }

  get(name: string): string | undefined {
    const value = this.#received[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  all(): Record<string, string> {
    if (!this.#all) {
      this.#all = {};
      for (const name in this.#received) {
        const value = this.get(name);
        if (value !== undefined) this.#all[name] = value;
      }
    }
    return this.#all;
  }
}

/**
 * A keep-alive agent that destroys a socket idle in its pool past its limit.
 * The agent's own `timeout` option does that too, but arms and disarms a
 * socket timer on every request (3 % of a request's CPU); here one timer per
 * agent, armed for the earliest deadline, serves every pooled socket.
 */
function idleLimitedAgent(module: HttpModule): Agent {
  const agent = new module.Agent({ keepAlive: true });
  const keepSocketAlive = agent.keepSocketAlive.bind(agent);
  const schedule = deadlineTimer((now) => {
    let next = Infinity;
    for (const name in agent.freeSockets) {
      for (const socket of agent.freeSockets[name] ?? []) {
        const deadline = socket[IDLE_DEADLINE] ?? 0;
        if (deadline <= now) socket.destroy();
        else next = Math.min(next, deadline);
      }
    }
    return next;
  });
  agent.keepSocketAlive = (socket) => {
    // Node's check refuses a socket whose announced idle timeout is a second or less.
    if (!keepSocketAlive(socket)) return false;
    const hint = socket._httpMessage?.res?.headers["keep-alive"];
    const announced = typeof hint === "string" ? KEEP_ALIVE_HINT.exec(hint)?.[1] : undefined;
    const idleMs =
      announced === undefined ? IDLE_TIMEOUT_MS : Math.min(IDLE_TIMEOUT_MS, Number(announced) * 1000 - 1000);
    const deadline = Date.now() + idleMs;
    socket[IDLE_DEADLINE] = deadline;
    schedule(deadline);
    return true;
  };
  return agent;
}

// One protocol's module and its keep-alive agent.
interface Protocol {
  module: HttpModule;
  agent: Agent;
}

// An attempt in flight: when its time limit passes, it fails.
interface Attempt {
  deadline: number;
  expire(): void;
}

/** The node:http wire, or `undefined` where node:http is not available. */
export function nodeWire(): Wire | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.getBuiltinModule !== "function" || typeof proc.versions?.node !== "string") return undefined;
  const getBuiltin = proc.getBuiltinModule.bind(proc);
  // Each protocol's module and agent are made on its first request: node:https loads TLS, which costs
  // more than the rest of the SDK's start-up and which a client of a local http:// server never needs.
  const protocols: { http?: Protocol; https?: Protocol } = {};
  const protocolFor = (name: "http" | "https") => {
    let found = protocols[name];
    if (!found) {
      const module = getBuiltin(`node:${name}`) as HttpModule;
      found = protocols[name] = { module, agent: idleLimitedAgent(module) };
    }
    return found;
  };
  // Every attempt in flight, and one timer for their time limits. An attempt holds a socket, which keeps
  // the process alive while it waits, as its own ref'd timer used to.
  const inFlight = new Set<Attempt>();
  const scheduleExpiry = deadlineTimer((now) => {
    let next = Infinity;
    for (const attempt of inFlight) {
      if (attempt.deadline <= now) attempt.expire();
      else next = Math.min(next, attempt.deadline);
    }
    return next;
  });
  // Where each origin's requests go, as node:http would parse it from the URL; one entry per
  // origin of this client's APIs. With it, a request's URL need not be parsed again each time.
  const endpoints = new Map<string, { protocol: string; hostname: string; port: number | undefined }>();
  const endpoint = (origin: string) => {
    let found = endpoints.get(origin);
    if (!found) {
      const { protocol, hostname, port } = new URL(origin);
      // As node:http's urlToHttpOptions does: an IPv6 address loses its brackets, a default port is left out.
      found = {
        protocol,
        hostname: hostname.startsWith("[") ? hostname.slice(1, -1) : hostname,
        port: port === "" ? undefined : Number(port),
      };
      endpoints.set(origin, found);
    }
    return found;
  };
  let zlib: ZlibModule | undefined;
  let bufferModule: BufferModule | undefined;
  const buffers = () => {
    if (!bufferModule) {
      const { Buffer, isAscii } = getBuiltin("node:buffer") as Partial<BufferModule>;
      const { StringDecoder } = getBuiltin("node:string_decoder") as Pick<BufferModule, "StringDecoder">;
      // Where node:buffer has no isAscii (a Node-compatible runtime may lack it), every body is decoded as UTF-8.
      bufferModule = { Buffer: Buffer!, isAscii: isAscii ?? (() => false), StringDecoder };
    }
    return bufferModule;
  };
  const decoders: Record<string, () => Readable> = {
    gzip: () => (zlib ??= getBuiltin("node:zlib") as ZlibModule).createGunzip(),
    "x-gzip": () => (zlib ??= getBuiltin("node:zlib") as ZlibModule).createGunzip(),
    deflate: () => (zlib ??= getBuiltin("node:zlib") as ZlibModule).createInflate(),
    br: () => (zlib ??= getBuiltin("node:zlib") as ZlibModule).createBrotliDecompress(),
  };

  return (request, timeoutMs, signal) =>
    new Promise<WireResponse>((resolve, reject) => {
      let settled = false;
      let responding = false;
      const settle = (error: unknown, response?: WireResponse) => {
        if (settled) return;
        settled = true;
        inFlight.delete(attempt);
        signal?.removeEventListener("abort", onAbort);
        if (response) resolve(response);
        else reject(error);
      };
      const fail = (error: Error) => {
        settle(error);
        req.destroy();
      };
      const { url, origin } = request;
      const secure = url.startsWith("https:");
      // The transport's headers object is its own copy for this request: adding to it spares a copy per attempt.
      request.headers["accept-encoding"] ||= ACCEPT_ENCODING;
      const { method, headers } = request;
      const { module, agent } = protocolFor(secure ? "https" : "http");
      const path = url.startsWith(origin) ? url.slice(origin.length) : "";
      // After the headers, any failure means the body broke off; say so, with the runtime's reason as the cause.
      const brokeOff = (cause?: Error) =>
        settle(new Error("the connection closed before the response body was complete", { cause }));
      const onResponse = (res: IncomingMessage) => {
        responding = true;
        const status = res.statusCode ?? 0;
        const headers = new NodeHeaders(res.headers);
        const tooLarge = () => new WireTooLarge(request.maxBytes, status, headers.get("content-type"));
        const coding = headers.get("content-encoding")?.trim().toLowerCase();
        const decoder = coding && Object.hasOwn(decoders, coding) ? decoders[coding]!() : undefined;
        if (!decoder && Number(headers.get("content-length")) > request.maxBytes) return fail(tooLarge());
        const text = new BodyText(request.maxBytes, buffers);
        const body = decoder ?? res;
        body.on("data", (chunk) => {
          let within: boolean;
          try {
            within = text.add(chunk);
          } catch (error) {
            // A body too long for a string (with a very large maxResponseBytes): reject, never throw in a listener.
            decoder?.destroy();
            return fail(error as Error);
          }
          if (!within) {
            decoder?.destroy();
            return fail(tooLarge());
          }
        });
        body.on("end", () => {
          let whole: string;
          try {
            whole = text.text();
          } catch (error) {
            return settle(error);
          }
          settle(undefined, { status, statusText: res.statusMessage ?? "", headers, text: whole });
        });
        res.on("error", brokeOff);
        res.on("close", () => {
          if (!res.complete) brokeOff();
        });
        if (decoder) {
          decoder.on("error", (error) =>
            fail(new Error(`the response body is not valid ${coding} data`, { cause: error })),
          );
          res.pipe(decoder);
        }
      };
      let req: ClientRequest;
      if (SETTLED_PATH.test(path) && !DOT_SEGMENT.test(path)) {
        const { protocol, hostname, port } = endpoint(origin);
        req = module.request({ protocol, hostname, port, path, method, headers, agent }, onResponse);
      } else {
        req = module.request(url, { method, headers, agent }, onResponse);
      }
      const attempt: Attempt = {
        deadline: Date.now() + timeoutMs,
        expire() {
          const timeout = new WireTimeout(`timed out after ${timeoutMs} ms`);
          settle(timeout);
          req.destroy(timeout);
        },
      };
      inFlight.add(attempt);
      scheduleExpiry(attempt.deadline);
      const onAbort = () => {
        settle(signal?.reason);
        req.destroy();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      // The SDK never sends Expect: 100-continue nor Upgrade: a 100 or 101 is the server's error, reported at once.
      req.on("information", ({ statusCode }) => {
        if (statusCode === 100) fail(new Error("the server answered 100 Continue, which the request did not ask for"));
      });
      req.on("upgrade", (_response, socket) => {
        socket.destroy();
        fail(new Error("the server answered 101 Switching Protocols, which the request did not ask for"));
      });
      req.on("error", (error) => {
        if (responding) return brokeOff(error);
        const code = (error as { code?: unknown }).code;
        const stale = req.reusedSocket && typeof code === "string" && STALE_SOCKET_CODES.has(code);
        settle(stale ? new WireNotSent("a kept-alive connection was closed by the server", { cause: error }) : error);
      });
      req.end(request.body);
    });
}

// One HTTP exchange of emulator.listen(), made safe for a server many
// clients share: the request target is read as a path on the emulator's own
// origin whatever form it takes (its Host and any absolute-form authority
// are ignored), the body is read only up to the size cap, and every request
// gets an answer with Twilio's error body, even one node:http cannot parse.
// Nothing a client sends can throw out of these handlers.
import type { EmulatorRequest, EmulatorResponse } from "./exchange";
import { utf8Length } from "./limits";

/** What the listener answers with; see `responder()` in dispatch.ts. */
export interface Responder {
  /**
   * The answer: at once, or a promise when it waits (a scripted delay). `signal` is asked for only
   * when the answer waits.
   */
  respond(request: EmulatorRequest, signal: () => AbortSignal): EmulatorResponse | Promise<EmulatorResponse>;
  /** Twilio's error answer for a request that never reached `respond` (malformed HTTP, CONNECT). */
  refuse(status: number, code: number, message: string): EmulatorResponse;
  /** Twilio's 500 answer for a fault in the listener itself, after one line on the console. */
  fault(request: { method: string; url: URL }, error: unknown): EmulatorResponse;
  readonly maxBodyBytes: number;
}

// The small part of node:http used here (src/ compiles without Node types).
export interface Socket {
  readonly writable: boolean;
  readonly destroyed: boolean;
  end(data?: string): void;
  destroy(): void;
}
export interface IncomingMessage {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  off(event: "data", listener: (chunk: Uint8Array) => void): void;
  pause(): void;
  socket: Socket;
}
export interface ServerResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  writeContinue(): void;
  end(body?: string): void;
  on(event: "close", listener: () => void): void;
  readonly writableFinished: boolean;
  readonly headersSent: boolean;
}

// A path (and query) of these characters only: nothing that either reading escapes or strips, no
// fragment, no backslash. Such a target reads the same parsed whole as set piece by piece, at half the cost.
const PLAIN_TARGET = /^\/[\w\-.~!$&'()*+,;=:@/%]*(?:\?[\w\-.~!$&'()*+,;=:@/%?]*)?$/;

/** The URL a request target names, on `base` (the emulator's own origin). */
export function targetUrl(target: string, base: string): URL {
  if (PLAIN_TARGET.test(target)) return new URL(base + target);
  let rest = target;
  // Absolute-form (`http://host:port/path?query`): only the path and query count.
  const scheme = rest.startsWith("/") ? -1 : rest.indexOf("://");
  if (scheme >= 0) {
    const end = rest.slice(scheme + 3).search(/[/?]/);
    rest = end < 0 ? "/" : rest.slice(scheme + 3 + end);
  }
  const query = rest.indexOf("?");
  const url = new URL(base);
  // The setters never throw: whatever the text, the result is a path on `base`.
  url.pathname = query < 0 ? rest : rest.slice(0, query);
  if (query >= 0) url.search = rest.slice(query);
  return url;
}

function flatHeaders(raw: IncomingMessage["headers"]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

// The engine's own count of UTF-8 bytes where it has one (Node and Bun), else ours.
const host = (globalThis as { Buffer?: { byteLength(text: string, encoding: "utf8"): number } }).Buffer;
const byteLength = host ? (text: string) => host.byteLength(text, "utf8") : utf8Length;

function write(res: ServerResponse, answer: EmulatorResponse, close: boolean): void {
  if (res.headersSent) return;
  // The answer's headers were made for this answer alone. With its length declared, node:http sends
  // the head and the body in one write rather than as chunks.
  const { headers, body } = answer;
  if (body !== "") headers["content-length"] = String(byteLength(body));
  if (close) headers.connection = "close";
  res.writeHead(answer.status, headers);
  res.end(body);
}

/** The request handler of one server: `base` gives the origin its answers' URLs use. */
export function requestHandler(responder: Responder, base: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const exchange = new Exchange(responder, req, res, base);
    try {
      exchange.receive();
    } catch (error) {
      exchange.failed(error);
    }
  };
}

// Decodes a body that came in one chunk, whole: called that way it keeps nothing between calls.
const decoder = new TextDecoder();
const NOTHING = new Uint8Array(0);

// The exchange a request's listeners belong to: they are shared functions, not closures made per request.
const EXCHANGE = Symbol("exchange");
type Listened = IncomingMessage & { [EXCHANGE]: Exchange };

function onData(this: Listened, chunk: Uint8Array): void {
  this[EXCHANGE].data(chunk);
}
function onEnd(this: Listened): void {
  this[EXCHANGE].end();
}
function onError(this: Listened): void {
  this.socket.destroy();
}

type Request = { -readonly [K in keyof EmulatorRequest]: EmulatorRequest[K] };

/** One request and its answer: the body read up to the cap, then the responder's answer written. */
class Exchange {
  readonly #responder: Responder;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #base: () => string;
  #request: Request | undefined;
  #aborter: AbortController | undefined;
  // Most bodies come in one chunk, decoded once at the end; one that comes in pieces is decoded as
  // they come, so that a sender of many tiny pieces leaves text behind, not a buffer per piece.
  #first: Uint8Array | undefined;
  #pieces: TextDecoder | undefined;
  #text = "";
  #bytes = 0;

  constructor(responder: Responder, req: IncomingMessage, res: ServerResponse, base: () => string) {
    this.#responder = responder;
    this.#req = req;
    this.#res = res;
    this.#base = base;
  }

  receive(): void {
    const req = this.#req;
    const url = targetUrl(req.url ?? "/", this.#base());
    const headers = flatHeaders(req.headers);
    this.#request = { method: req.method ?? "GET", url, headers, body: "", bodyBytes: 0 };
    // Over the cap by its own account: answered at once, nothing of the body read.
    const declared = Number(headers["content-length"]);
    if (declared > this.#responder.maxBodyBytes) return this.#send("", declared, true);
    (req as Listened)[EXCHANGE] = this;
    req.on("data", onData);
    req.on("error", onError);
    req.on("end", onEnd);
  }

  data(chunk: Uint8Array): void {
    try {
      this.#bytes += chunk.byteLength;
      if (this.#bytes <= this.#responder.maxBodyBytes) return this.#take(chunk);
      // Over the cap: answered now, and the rest is never read (the connection closes after the answer).
      this.#req.off("data", onData);
      this.#req.pause();
      this.#take(NOTHING);
      this.#send(this.#text, this.#bytes, true);
    } catch (error) {
      this.failed(error);
    }
  }

  end(): void {
    try {
      if (this.#bytes > this.#responder.maxBodyBytes) return;
      const body = this.#pieces ? this.#text + this.#pieces.decode() : this.#first ? decoder.decode(this.#first) : "";
      this.#send(body, this.#bytes, false);
    } catch (error) {
      this.failed(error);
    }
  }

  // The last guard: whatever fails here is a 500 with Twilio's body, or a closed socket if even that fails.
  failed(error: unknown): void {
    try {
      const request = this.#request ?? { method: this.#req.method ?? "GET", url: new URL(this.#base()) };
      write(this.#res, this.#responder.fault(request, error), true);
    } catch {
      this.#req.socket.destroy();
    }
  }

  #take(chunk: Uint8Array): void {
    if (!this.#pieces && !this.#first) return void (this.#first = chunk);
    if (!this.#pieces) {
      this.#pieces = new TextDecoder();
      this.#text = this.#first ? this.#pieces.decode(this.#first, { stream: true }) : "";
      this.#first = undefined;
    }
    this.#text += this.#pieces.decode(chunk, { stream: true });
  }

  #send(body: string, bodyBytes: number, close: boolean): void {
    const request = this.#request!;
    request.body = body;
    request.bodyBytes = bodyBytes;
    // A client that hangs up ends a scripted delay early. It is watched only once a delay asks for the
    // signal: most answers do not wait.
    const answer = this.#responder.respond(request, () => this.#signal());
    if (!(answer instanceof Promise)) return this.#deliver(answer, close);
    answer
      .then(
        (late) => this.#deliver(late, close),
        (error: unknown) => (this.#aborter?.signal.aborted ? this.#req.socket.destroy() : this.failed(error)),
      )
      .catch((error: unknown) => this.failed(error));
  }

  #signal(): AbortSignal {
    if (!this.#aborter) {
      const controller = (this.#aborter = new AbortController());
      const res = this.#res;
      if (this.#req.socket.destroyed) controller.abort();
      else res.on("close", () => res.writableFinished || controller.abort());
    }
    return this.#aborter.signal;
  }

  #deliver(answer: EmulatorResponse, close: boolean): void {
    if (answer.drop) this.#req.socket.destroy();
    else write(this.#res, answer, close);
  }
}

/**
 * For a request that waits for `100 Continue` before sending its body: a
 * body over the cap by its Content-Length is refused without inviting it.
 */
export function continueHandler(responder: Responder, handle: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!(Number(req.headers["content-length"]) > responder.maxBodyBytes)) res.writeContinue();
    handle(req, res);
  };
}

/** A whole HTTP/1.1 answer as text, for a socket node:http has not made a response for. */
function rawAnswer(answer: EmulatorResponse, reason: string): string {
  const headers = { ...answer.headers, "content-length": String(utf8Length(answer.body)), connection: "close" };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${answer.status} ${reason}\r\n${lines.join("")}\r\n${answer.body}`;
}

// node:http's codes for requests it could not parse, and the status each gets.
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large: the request line and headers exceed 16 KiB"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout: the request did not arrive in time"],
  ERR_HTTP_HEADERS_TIMEOUT: [408, "Request Timeout: the headers did not arrive in time"],
};

/** Answers a request node:http could not parse (or that timed out) with Twilio's error body, then closes. */
export function clientErrorHandler(responder: Responder, reasons: Readonly<Record<number, string>>) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    try {
      if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
      const [status, message] = CLIENT_ERRORS[error.code ?? ""] ?? [
        400,
        `Bad Request: the request is not valid HTTP/1.1 (${error.code ?? "unparsable"})`,
      ];
      socket.end(
        rawAnswer(responder.refuse(status, status === 400 ? 20001 : 20000 + status, message), reasons[status]!),
      );
    } catch {
      socket.destroy();
    }
  };
}

/** Answers CONNECT (which node:http hands over as a bare socket) 405, then closes. */
export function connectHandler(responder: Responder, reasons: Readonly<Record<number, string>>) {
  return (_req: unknown, socket: Socket): void => {
    try {
      socket.end(rawAnswer(responder.refuse(405, 20405, "Method not allowed: CONNECT"), reasons[405]!));
    } catch {
      socket.destroy();
    }
  };
}

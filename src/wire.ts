// The wire: one HTTP exchange, with no retries, credentials or policy (those
// are transport.ts). Two implementations: wire-fetch.ts for any runtime with
// fetch, wire-node.ts over node:http on Node, which costs far less per request.
// Both read the body under the same size cap, decode gzip, deflate and br,
// and drop a UTF-8 byte order mark, so a server sees one client.

/** What the transport hands a wire to send. */
export interface WireRequest {
  url: string;
  /** The origin `url` starts with (the transport checks it), such as `https://flex-api.twilio.com`. */
  origin: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Largest body (after decoding) the wire reads; a bigger one is {@link WireTooLarge}. */
  maxBytes: number;
}

/** A whole response, its body read as text within the attempt. */
export interface WireResponse {
  status: number;
  statusText: string;
  headers: WireHeaders;
  text: string;
}

/** The headers of a response: lower-case names, repeated headers joined with ", ". */
export interface WireHeaders {
  /** One header, without building them all. */
  get(name: string): string | undefined;
  /** Every header (most responses never need them all). */
  all(): Record<string, string>;
  /** Every value is known to be valid HTTP (node:http's parser refuses others), so no one need look again. */
  readonly checked: boolean;
}

/** Sends one request. Rejects with {@link WireTimeout} after `timeoutMs`, or with the runtime's error. */
export type Wire = (request: WireRequest, timeoutMs: number, signal: AbortSignal | undefined) => Promise<WireResponse>;

/** What `Accept-Encoding` both wires send: the codings each of them decodes. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

/** The attempt took longer than its time limit. */
export class WireTimeout extends Error {
  override name = "WireTimeout";
}

/** The body (after decoding) was larger than `maxBytes`; reading stopped there. */
export class WireTooLarge extends Error {
  override name = "WireTooLarge";
  readonly status: number;
  readonly contentType: string | undefined;

  constructor(maxBytes: number, status: number, contentType: string | undefined) {
    super(`a body larger than maxResponseBytes (${maxBytes} bytes)`);
    this.status = status;
    this.contentType = contentType;
  }
}

/**
 * The request provably never reached the server (for example a kept-alive
 * socket the server had closed failed before any response byte): any method
 * may be retried. `cause` holds the runtime's error.
 */
export class WireNotSent extends Error {
  override name = "WireNotSent";
}

const utf8 = new TextDecoder();

/** The text of a body read in chunks; TextDecoder drops a leading BOM, as fetch's `text()` does. */
export function decodeChunks(chunks: readonly Uint8Array[], total: number): string {
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return utf8.decode(bytes);
}

/**
 * The request object openapi-fetch builds when no middleware needs a real
 * `Request`: it carries what the transport reads, without the streams and
 * signals a fetch `Request` allocates.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers as Headers;
    this.body = typeof init.body === "string" ? init.body : null;
  }

  text(): Promise<string> {
    return Promise.resolve(this.body ?? "");
  }
}

// The wire: one HTTP exchange, with no retries, credentials or policy (those
// are transport.ts). Two implementations: wire-fetch.ts for any runtime with
// fetch, wire-node.ts over node:http on Node, which costs far less per request.

/** What the transport hands a wire to send. */
export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A whole response, its body read as text within the attempt. */
export interface WireResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
}

/** Sends one request. Rejects with {@link WireTimeout} after `timeoutMs`, or with the runtime's error. */
export type Wire = (request: WireRequest, timeoutMs: number, signal: AbortSignal | undefined) => Promise<WireResponse>;

/** The attempt took longer than its time limit. */
export class WireTimeout extends Error {
  override name = "WireTimeout";
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

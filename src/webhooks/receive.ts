// Receives an interaction event: reads the body once, up to a cap, verifies
// Twilio's signature when an Auth Token is known, and returns the typed event,
// or throws; nothing partial is returned. The URL faces the open internet, so
// everything before the signature check costs time linear in the body, and no
// parameter is put in an object before it passes. One entry point for a
// web-standard Request, one for Node's IncomingMessage.
import { readEnv } from "../env";
import { TwilioConfigError } from "../errors";
import { checkContentLength, maxBodyBytesOf, rawBody, readNodeBody, readWebBody } from "./body";
import { MalformedEventError, WebhookSignatureError } from "./errors";
import { type InteractionEvent, toInteractionEvent } from "./events";
import { type ParamGroup, groupSearch, jsonParams, paramsObject } from "./params";
import { type SortedParams, bodySha256, isValidSignatureOf, sameText, uniqueSorted } from "./signature";

/**
 * What every way of receiving an event may set, beside the signature options of {@link ReceiveEventOptions}.
 *
 * @example
 * ```ts
 * const common: ReceiveOptionsBase = { url: "https://app.example.org/flex-events", maxBodyBytes: 16_384 };
 * ```
 */
export interface ReceiveOptionsBase {
  /**
   * The URL Twilio called, exactly as it is registered with Twilio (the
   * webhook's `WebhookUrl`: scheme, host, port, path and query), when the
   * request's own URL differs. It does behind a proxy, a load balancer or a
   * tunnel that ends TLS or rewrites the host, port or path; on Node, where
   * the URL is rebuilt from the `Host` header and the socket; and when the
   * registered URL holds characters the runtime's URL parser re-encodes (an
   * upper-case host, a space or non-ASCII text in the path). Give a fixed
   * string from your configuration, not one built from the request's
   * `X-Forwarded-*` headers; for a GET webhook, whose parameters Twilio adds
   * to the query, append the request's own query to it. Without it, the
   * request's URL is checked with and without its default port, as given and
   * as `new URL()` normalises it, with its query also re-encoded the way
   * Node's legacy querystring does (a `'` that arrives as `%27`): the URLs
   * twilio-node's `validateRequest` tries.
   *
   * @example
   * ```ts
   * { url: "https://app.example.org/flex-events" } // behind a proxy that ends TLS
   * ```
   */
  url?: string;
  /**
   * The largest body read, in bytes (default 65,536: 64 KiB). Twilio's
   * interaction events are under 1 KiB, so the default leaves room for
   * parameters Twilio adds while a forged body costs at most 64 KiB of memory.
   * A `Content-Length` over it is refused before reading, and a body that
   * passes it while being read is not read further: {@link EventTooLargeError}.
   */
  maxBodyBytes?: number;
}

/**
 * How to receive an event. Give the Auth Token (or set `TWILIO_AUTH_TOKEN`)
 * and every event's `X-Twilio-Signature` is checked. Twilio does not state
 * that interaction events are signed; if yours are not, turn the check off
 * explicitly with `verifySignature: false` and protect the URL otherwise.
 *
 * @example
 * ```ts
 * await receiveInteractionEvent(request, { authToken, url: "https://app.example.org/flex-events" });
 * await receiveInteractionEvent(request, { verifySignature: false }); // unsigned events accepted
 * ```
 */
export type ReceiveEventOptions =
  | (ReceiveOptionsBase & {
      /** The Auth Token of the account (defaults to `TWILIO_AUTH_TOKEN`). */
      authToken?: string;
      verifySignature?: true;
    })
  | (ReceiveOptionsBase & {
      /** Accept events without checking their signature. */
      verifySignature: false;
      authToken?: undefined;
    });

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** What a receiver needs from a request, whatever the runtime. */
interface ReceivedRequest {
  method: string;
  url: string;
  contentType: string | undefined;
  signature: string | undefined;
  body: Uint8Array;
}

function tokenOf(options: ReceiveEventOptions): string | undefined {
  if (options.verifySignature === false) {
    if (options.authToken !== undefined) {
      throw new TwilioConfigError("Pass either authToken or verifySignature: false to receive events, not both.");
    }
    return undefined;
  }
  const token = options.authToken ?? readEnv("TWILIO_AUTH_TOKEN");
  if (!token) {
    throw new TwilioConfigError(
      "No Auth Token to verify the event's X-Twilio-Signature: pass { authToken }, set TWILIO_AUTH_TOKEN, " +
        "or pass { verifySignature: false } to accept unsigned events.",
    );
  }
  return token;
}

function decode(body: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new MalformedEventError("body", "The event's body is not valid UTF-8.");
  }
}

// Form parameters as Twilio signs them: sorted by name, values de-duplicated.
function signedParams(groups: readonly ParamGroup[]): SortedParams {
  return groups.map(({ name, values }) => [name, values.length === 1 ? values : uniqueSorted(values)] as const);
}

async function verify(token: string, request: ReceivedRequest, signed: SortedParams, json: boolean): Promise<void> {
  if (!request.signature) {
    throw new WebhookSignatureError(
      "missing",
      "The request has no X-Twilio-Signature header; it was not signed by Twilio.",
    );
  }
  if (!(await isValidSignatureOf(token, request.signature, request.url, signed))) {
    throw new WebhookSignatureError(
      "mismatch",
      "The X-Twilio-Signature does not match this request: it was changed, signed with another Auth Token, " +
        "or signed for another URL (pass the public URL as `url` behind a proxy).",
    );
  }
  if (json) {
    const expected = new URL(request.url).searchParams.get("bodySHA256");
    if (!expected || !sameText(expected, await bodySha256(request.body))) {
      throw new WebhookSignatureError("body-hash", "The JSON body does not match the bodySHA256 Twilio signed.");
    }
  }
}

async function receive(request: ReceivedRequest, token: string | undefined): Promise<InteractionEvent> {
  const get = request.method.toUpperCase() === "GET";
  const type = request.contentType;
  if (!get && type !== undefined && JSON_TYPE.test(type)) {
    // The body hash is checked on the raw bytes, so a forged JSON body is never parsed.
    if (token !== undefined) await verify(token, request, [], true);
    return toInteractionEvent(jsonParams(decode(request.body)));
  }
  if (!get && type !== undefined && !FORM_TYPE.test(type)) {
    throw new MalformedEventError("body", "The event's Content-Type is neither a form nor JSON.");
  }
  const groups = groupSearch(get ? new URL(request.url).searchParams : new URLSearchParams(decode(request.body)));
  if (token !== undefined) await verify(token, request, get ? [] : signedParams(groups), false);
  return toInteractionEvent(paramsObject(groups));
}

// The URL is signed as given, so it is only checked here, never normalised.
function checkedUrl(url: string): string {
  try {
    new URL(url);
    return url;
  } catch {
    throw new TwilioConfigError("The event's URL is not absolute; pass the URL Twilio called as `url`.");
  }
}

/**
 * Reads an interaction event from a web-standard `Request` (Workers, Deno,
 * Bun, Next.js route handlers, Node's `Request`), checks its
 * `X-Twilio-Signature`, and returns the typed event. Throws
 * {@link WebhookSignatureError}, {@link UnknownEventTypeError},
 * {@link MalformedEventError} or {@link EventTooLargeError}, and never returns
 * a partial event. Behind a proxy, pass the URL registered with Twilio as `url`.
 *
 * @example
 * ```ts
 * export async function POST(request: Request) {
 *   const event = await receiveInteractionEvent(request, { authToken: process.env.TWILIO_AUTH_TOKEN });
 *   if (event.EventType === "onParticipantLeft") await sendSurvey(event.InteractionSid);
 *   return new Response(null, { status: 204 });
 * }
 * ```
 */
export async function receiveInteractionEvent(
  request: Request,
  options: ReceiveEventOptions = {},
): Promise<InteractionEvent> {
  const token = tokenOf(options);
  const max = maxBodyBytesOf(options.maxBodyBytes);
  const url = checkedUrl(options.url ?? request.url);
  checkContentLength(request.headers.get("content-length"), max);
  return receive(
    {
      method: request.method,
      url,
      contentType: request.headers.get("content-type") ?? undefined,
      signature: request.headers.get("x-twilio-signature") ?? undefined,
      body: await readWebBody(request.body, max),
    },
    token,
  );
}

/**
 * The parts of Node's `IncomingMessage` the Node receiver reads: pass the
 * message itself (a structural type, so the SDK needs no Node types).
 *
 * @example
 * ```ts
 * http.createServer(async (req, res) => { const event = await receiveNodeInteractionEvent(req); … });
 * ```
 */
export interface IncomingMessageLike {
  method?: string | undefined;
  /** Path and query, as Node gives it. */
  url?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** A TLS socket (`encrypted: true`) means the URL was `https`. */
  socket?: unknown;
  /** The body's chunks, read when no raw body is passed (an `IncomingMessage` is a readable stream). */
  [Symbol.asyncIterator]?(): AsyncIterator<unknown>;
}

function header(message: IncomingMessageLike, name: string): string | undefined {
  const value = message.headers[name];
  return typeof value === "string" ? value : value?.[0];
}

async function nodeBody(message: IncomingMessageLike, raw: unknown, max: number): Promise<Uint8Array> {
  if (typeof raw === "string" || raw instanceof Uint8Array) return rawBody(raw, max);
  if (raw !== undefined) {
    throw new TwilioConfigError(
      "Pass the raw body (a string or Uint8Array, such as express.raw() gives), or nothing to let the receiver " +
        "read the request itself; a parsed body cannot be verified.",
    );
  }
  if (typeof message[Symbol.asyncIterator] !== "function") {
    throw new TwilioConfigError("Pass the raw body: this message is not a readable stream the receiver can read.");
  }
  checkContentLength(header(message, "content-length"), max);
  return readNodeBody(message as AsyncIterable<unknown>, max);
}

/**
 * Like {@link receiveInteractionEvent}, for Node's `http.IncomingMessage`
 * (Express, Fastify, plain `node:http`). Pass no body and the receiver reads
 * the request itself, stopping at `maxBodyBytes`; or pass the raw bytes or
 * text your framework read (never a parsed body: the signature covers the raw
 * one). The URL is rebuilt from the `Host` header and the socket; behind a
 * proxy, or a TLS terminator, pass the URL registered with Twilio as `url`.
 * On {@link EventTooLargeError}, answer 413 with `Connection: close`, so the
 * unread rest of the body does not keep the connection.
 *
 * @example
 * ```ts
 * http.createServer(async (req, res) => {
 *   const event = await receiveNodeInteractionEvent(req, undefined, { url: "https://example.org/flex-events" });
 *   res.writeHead(204).end();
 * });
 * app.post("/flex-events", express.raw({ type: "*\/*" }), async (req, res) => {
 *   const event = await receiveNodeInteractionEvent(req, req.body, { url: "https://example.org/flex-events" });
 *   res.sendStatus(204);
 * });
 * ```
 */
export async function receiveNodeInteractionEvent(
  message: IncomingMessageLike,
  rawBody?: string | Uint8Array,
  options: ReceiveEventOptions = {},
): Promise<InteractionEvent> {
  const token = tokenOf(options);
  const max = maxBodyBytesOf(options.maxBodyBytes);
  const scheme = (message.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true ? "https" : "http";
  const url = checkedUrl(options.url ?? `${scheme}://${header(message, "host") ?? ""}${message.url ?? "/"}`);
  return receive(
    {
      method: message.method ?? "POST",
      url,
      contentType: header(message, "content-type"),
      signature: header(message, "x-twilio-signature"),
      body: await nodeBody(message, rawBody, max),
    },
    token,
  );
}

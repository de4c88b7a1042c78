// Receives an interaction event: reads the body once, verifies Twilio's
// signature when an Auth Token is known, and returns the typed event, or
// throws; nothing partial is returned. One entry point for a web-standard
// Request, one for Node's IncomingMessage with its raw body.
import { readEnv } from "../env";
import { TwilioConfigError } from "../errors";
import { MalformedEventError, WebhookSignatureError } from "./errors";
import { type InteractionEvent, toInteractionEvent } from "./events";
import { bodySha256, isValidTwilioSignature, sameText, type SignedParams } from "./signature";

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
  | {
      /** The Auth Token of the account (defaults to `TWILIO_AUTH_TOKEN`). */
      authToken?: string;
      verifySignature?: true;
      /** The URL Twilio called, when the request's own URL differs (behind a proxy or a tunnel). */
      url?: string;
    }
  | {
      /** Accept events without checking their signature. */
      verifySignature: false;
      authToken?: undefined;
      url?: string;
    };

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

// Form and query parameters with repeated keys as arrays, as Twilio signs them.
function paramsOf(search: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  search.forEach((value, name) => {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(typeof seen === "string" ? [seen] : seen), value];
  });
  return params;
}

function decode(body: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new MalformedEventError("body", "The event's body is not valid UTF-8.");
  }
}

function parseJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedEventError("body", "The event's JSON body does not parse.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MalformedEventError("body", "The event's JSON body is not an object.");
  }
  return value as Record<string, unknown>;
}

async function verify(token: string, request: ReceivedRequest, signed: SignedParams, json: boolean): Promise<void> {
  if (!request.signature) {
    throw new WebhookSignatureError(
      "missing",
      "The request has no X-Twilio-Signature header; it was not signed by Twilio.",
    );
  }
  if (!(await isValidTwilioSignature(token, request.signature, request.url, signed))) {
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

async function receive(request: ReceivedRequest, options: ReceiveEventOptions): Promise<InteractionEvent> {
  const token = tokenOf(options);
  let params: Record<string, unknown>;
  let signed: SignedParams = {};
  let json = false;
  if (request.method.toUpperCase() === "GET") {
    params = paramsOf(new URL(request.url).searchParams);
  } else if (request.contentType !== undefined && JSON_TYPE.test(request.contentType)) {
    json = true;
    params = parseJson(decode(request.body));
  } else if (request.contentType === undefined || FORM_TYPE.test(request.contentType)) {
    params = signed = paramsOf(new URLSearchParams(decode(request.body)));
  } else {
    throw new MalformedEventError("body", "The event's Content-Type is neither a form nor JSON.");
  }
  if (token !== undefined) await verify(token, request, signed, json);
  return toInteractionEvent(params);
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
 * {@link WebhookSignatureError}, {@link UnknownEventTypeError} or
 * {@link MalformedEventError}, and never returns a partial event.
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
  return receive(
    {
      method: request.method,
      url: checkedUrl(options.url ?? request.url),
      contentType: request.headers.get("content-type") ?? undefined,
      signature: request.headers.get("x-twilio-signature") ?? undefined,
      body: new Uint8Array(await request.arrayBuffer()),
    },
    options,
  );
}

/**
 * The parts of Node's `IncomingMessage` the Node receiver reads: pass the
 * message itself (a structural type, so the SDK needs no Node types).
 *
 * @example
 * ```ts
 * http.createServer((req, res) => { … receiveNodeInteractionEvent(req, rawBody) … });
 * ```
 */
export interface IncomingMessageLike {
  method?: string | undefined;
  /** Path and query, as Node gives it. */
  url?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** A TLS socket (`encrypted: true`) means the URL was `https`. */
  socket?: unknown;
}

function header(message: IncomingMessageLike, name: string): string | undefined {
  const value = message.headers[name];
  return typeof value === "string" ? value : value?.[0];
}

/**
 * Like {@link receiveInteractionEvent}, for Node's `http.IncomingMessage`
 * (Express, Fastify, plain `node:http`) and the raw body you read from it.
 * Pass the raw bytes or text, not a parsed body: the signature covers them.
 * The URL is rebuilt from the `Host` header; behind a proxy, pass `url`.
 *
 * @example
 * ```ts
 * app.post("/flex-events", express.raw({ type: "*\/*" }), async (req, res) => {
 *   const event = await receiveNodeInteractionEvent(req, req.body, { url: "https://example.org/flex-events" });
 *   res.sendStatus(204);
 * });
 * ```
 */
export async function receiveNodeInteractionEvent(
  message: IncomingMessageLike,
  rawBody: string | Uint8Array,
  options: ReceiveEventOptions = {},
): Promise<InteractionEvent> {
  const scheme = (message.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true ? "https" : "http";
  return receive(
    {
      method: message.method ?? "POST",
      url: checkedUrl(options.url ?? `${scheme}://${header(message, "host") ?? ""}${message.url ?? "/"}`),
      contentType: header(message, "content-type"),
      signature: header(message, "x-twilio-signature"),
      body: typeof rawBody === "string" ? new TextEncoder().encode(rawBody) : rawBody,
    },
    options,
  );
}

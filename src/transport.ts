// What the openapi-fetch clients send through: adds credentials (only for
// the configured origin), sends each attempt over the wire with its own time
// limit, retries what is safe to retry, never follows a redirect, and removes
// the credential from anything a server echoes back. The body comes back as
// text, once; the Response handed to openapi-fetch carries none. At most
// `maxSocketsPerOrigin` attempts are on the wire at once; the others queue.
import type { Auth } from "./auth";
import { ConcurrencyLimit } from "./concurrency";
import {
  TwilioAbortError,
  TwilioConfigError,
  TwilioConnectionError,
  TwilioResponseError,
  TwilioTimeoutError,
} from "./errors";
import { type Logger, loggableHeaders } from "./logger";
import { failureKind, isRetryableFailure, isRetryableStatus, retryDelayMs } from "./retry";
import { type Wire, type WireResponse, WireTimeout, WireTooLarge } from "./wire";

/**
 * The `fetch` signature the client accepts: the standard one, called as
 * `fetch(url, init)`. `globalThis.fetch` fits, as do undici's and most
 * polyfills. Passing one makes the client send through it instead of
 * node:http.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Per-request overrides of the client's retry and timeout settings. */
export interface CallOptions {
  /** Aborts the request (and any retry wait) when it fires. */
  signal?: AbortSignal | null;
  /** Retries for this request; `0` disables them. */
  maxRetries?: number;
  /** Time limit of each attempt, in milliseconds. */
  timeoutMs?: number;
}

export interface TransportOptions {
  wire: Wire;
  auth: Auth;
  /** The only origin the transport sends credentials to. */
  origin: string;
  userAgent: string;
  maxRetries: number;
  timeoutMs: number;
  /** Largest response body read, after decoding. */
  maxResponseBytes: number;
  /** Attempts on the wire at once; more wait in a queue. */
  maxSocketsPerOrigin: number;
  logger: Logger | undefined;
}

/**
 * A request as the API client hands it over. The headers object becomes the
 * transport's own: it adds the credentials and the SDK's headers to it.
 */
export interface Outgoing {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A response and its body text, read once. */
export interface Sent {
  status: number;
  /** The body as text; with any echo of the credential removed when the status is not 2xx. */
  text: string;
  /**
   * The status and headers as a web `Response` without a body, built on the
   * first call and the same object on every call: most calls never need it,
   * and a Response costs more than the rest of what the SDK does per request.
   */
  response(): Response;
}

export type Send = (request: Outgoing, call?: CallOptions) => Promise<Sent>;

// Headers that describe the body as it travelled, not the text handed on.
const TRANSFER_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding"]);
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;
// What a web Headers refuses in a value.
const INVALID_VALUE = /[\0\r\n]/;

function abortError(signal: AbortSignal, what: string): TwilioAbortError {
  return new TwilioAbortError(`${what} was aborted by its AbortSignal.`, { cause: signal.reason });
}

/** Waits `ms`, or rejects with a TwilioAbortError naming `what` as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, what: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal, what()));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!, what()));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// A copy of a transport error that keeps its name, code and (redacted)
// message but none of its other properties, which some fetch implementations
// fill with the request and its headers.
function safeCause(error: unknown, redact: (text: string) => string): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const nested = source.cause instanceof Error ? safeCause(source.cause, redact) : undefined;
  const copy = new Error(redact(source.message), nested ? { cause: nested } : undefined);
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  return copy;
}

function describeCause(error: Error): string {
  const parts = [error.message];
  for (let e = error.cause; e instanceof Error; e = e.cause) parts.push(e.message);
  // The runtime's own sentence may end in a period ("Network connection lost."); the message adds one.
  return parts.join(": ").replace(/\.+$/, "");
}

/** Creates the per-API `send(request, call)` function. */
export function createTransport(options: TransportOptions): Send {
  const { auth, logger, wire } = options;
  // Messages are built only when someone listens: this runs on every request.
  const log = (level: keyof Logger, message: () => string, data?: () => Record<string, unknown>) => {
    const write = logger?.[level];
    if (write) write.call(logger, auth.redact(message()), data?.());
  };
  // The base URL is normalised by URL, and so is every request URL, so a
  // prefix test is exact; the trailing slash stops "https://host.evil" tricks.
  const originPrefix = `${options.origin}/`;
  const limit = new ConcurrencyLimit(options.maxSocketsPerOrigin);

  // The Response of a received answer: no transfer headers, and the credential removed from every value.
  function toResponse(status: number, reason: string, received: Record<string, string>): Response {
    const headers: Record<string, string> = {};
    // One search over all the header values instead of one per value: a
    // secret in any of them is a match in the whole, so only then is each redacted.
    let all = reason;
    for (const name in received) all += `\n${received[name]}`;
    const clean = auth.redact(all) === all;
    for (const name in received) {
      if (!TRANSFER_HEADERS.has(name)) {
        const value = received[name]!;
        headers[name] = clean ? value : auth.redact(value);
      }
    }
    const statusText = !REASON_PHRASE.test(reason) ? "" : clean ? reason : auth.redact(reason);
    return new Response(null, { status, statusText, headers });
  }

  function toSent(received: WireResponse, what: () => string): Sent {
    const { status } = received;
    if (status >= 300 && status < 400) {
      const type = received.headers.get("content-type");
      const location = received.headers.get("location");
      let target = "";
      if (location) {
        try {
          target = ` to ${auth.redact(new URL(location, originPrefix).origin)}`;
        } catch {
          target = " to an invalid location";
        }
      }
      throw new TwilioResponseError(
        status,
        type === undefined ? undefined : auth.redact(type),
        `${what()} answered ${status} with a redirect${target}. The SDK does not follow redirects, so credentials are only ever sent to ${options.origin}.`,
      );
    }
    if (status < 200 || status > 599) {
      throw new TwilioResponseError(status, undefined, `${what()} answered with an invalid HTTP status ${status}.`);
    }
    // The Response is built later, if ever; what would make it fail is found now. Names are
    // tokens already (node:http's parser and fetch's Headers both refuse others).
    if (!received.headers.checked) {
      const all = received.headers.all();
      for (const name in all) {
        if (INVALID_VALUE.test(all[name]!)) {
          throw new TwilioResponseError(status, undefined, `${what()} answered with headers that are not valid HTTP.`);
        }
      }
    }
    // The closure keeps the status line and headers only: not the body, which may be large.
    const { statusText, headers } = received;
    let response: Response | undefined;
    return {
      status,
      text: status < 300 ? received.text : auth.redact(received.text),
      response: () => (response ??= toResponse(status, statusText, headers.all())),
    };
  }

  return async function send(request, call = {}) {
    const { url, method } = request;
    const what = () => auth.redact(`${method} ${url}`);
    if (!url.startsWith(originPrefix)) {
      throw new TwilioConfigError(
        `Refusing to send ${method} to ${auth.redact(new URL(url).origin)}: this client sends credentials only to ${options.origin}.`,
      );
    }
    const maxRetries = call.maxRetries ?? options.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const signal = call.signal ?? undefined;

    const { headers, body } = request;
    headers.authorization = auth.header();
    headers["user-agent"] = options.userAgent;
    headers.accept ??= "application/json";
    const wireRequest = { url, origin: options.origin, method, headers, body, maxBytes: options.maxResponseBytes };

    for (let attemptNumber = 1; ; attemptNumber++) {
      if (signal?.aborted) throw abortError(signal, what());
      const of = () => `attempt ${attemptNumber} of ${maxRetries + 1}`;
      // Skipped whole without a logger: this runs on every request.
      if (logger) {
        log(
          "debug",
          () => `${what()} (${of()})`,
          () => ({ headers: loggableHeaders(headers) }),
        );
      }
      const started = logger ? Date.now() : 0;
      let received: WireResponse;
      try {
        // Inline rather than a helper: one async frame less on every request.
        const queued = limit.acquire(signal);
        if (queued) await queued;
        try {
          received = await wire(wireRequest, timeoutMs, signal);
        } finally {
          limit.release();
        }
      } catch (error) {
        if (signal?.aborted) throw abortError(signal, what());
        if (error instanceof WireTooLarge) {
          const type = error.contentType === undefined ? undefined : auth.redact(error.contentType);
          throw new TwilioResponseError(
            error.status,
            type,
            `${what()} answered ${error.status} with ${error.message}; nothing more was read. ` +
              "Raise maxResponseBytes if such responses are expected. The request may have taken effect.",
          );
        }
        let failure: TwilioConnectionError;
        let kind = failureKind(error);
        if (error instanceof WireTimeout) {
          failure = new TwilioTimeoutError(`${what()} timed out after ${timeoutMs} ms.`);
          kind = "sent";
        } else {
          const cause = safeCause(error, auth.redact);
          failure = new TwilioConnectionError(`${what()} failed: ${describeCause(cause)}.`, { cause });
        }
        if (attemptNumber > maxRetries || !isRetryableFailure(method, kind)) {
          log("debug", () => `${failure.message} Giving up (${of()}).`);
          throw failure;
        }
        const delay = retryDelayMs(attemptNumber, null);
        log("warn", () => `${failure.message} Retrying in ${delay} ms (${of()}).`);
        await sleep(delay, signal, what);
        continue;
      }
      const { status } = received;
      if (logger) log("debug", () => `${status} from ${what()} in ${Date.now() - started} ms`);
      if (attemptNumber <= maxRetries && isRetryableStatus(method, status)) {
        const delay = retryDelayMs(attemptNumber, received.headers.get("retry-after") ?? null);
        log("warn", () => `${status} from ${what()}; retrying in ${delay} ms (${of()}).`);
        await sleep(delay, signal, what);
        continue;
      }
      return toSent(received, what);
    }
  };
}

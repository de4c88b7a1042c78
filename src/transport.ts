// The fetch function the openapi-fetch clients use: adds credentials, sends
// each attempt with its own timeout, reads the whole body inside the attempt
// (so a stalled or broken body is a timeout or connection error like any
// other), retries what is safe to retry, and never follows a redirect.
import type { Auth } from "./auth";
import {
  TwilioAbortError,
  TwilioConfigError,
  TwilioConnectionError,
  TwilioResponseError,
  TwilioTimeoutError,
} from "./errors";
import { type Logger, loggableHeaders } from "./logger";
import { type FailureKind, failureKind, isRetryableFailure, isRetryableStatus, retryDelayMs } from "./retry";

/**
 * The `fetch` signature the client needs: the standard one, called as
 * `fetch(url, init)`. `globalThis.fetch` fits, as do undici's and most
 * polyfills.
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
  fetch: FetchLike;
  auth: Auth;
  /** The only origin the transport sends credentials to. */
  origin: string;
  userAgent: string;
  maxRetries: number;
  timeoutMs: number;
  logger: Logger | undefined;
}

interface Received {
  response: Response;
  text: string;
}

class Failure {
  constructor(
    readonly error: TwilioConnectionError,
    readonly kind: FailureKind,
  ) {}
}

// Statuses whose Response may not carry a body.
const NULL_BODY = new Set([101, 204, 205, 304]);

function abortError(signal: AbortSignal, what: string): TwilioAbortError {
  return new TwilioAbortError(`${what} was aborted by its AbortSignal.`, { cause: signal.reason });
}

// Resolves or rejects with `promise`, or rejects as soon as `signal` aborts,
// whichever comes first: a fetch that ignores its signal still gives up.
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal, what));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!, what));
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
  return parts.join(": ");
}

/** Creates the per-API `send(request, call)` function. */
export function createTransport(
  options: TransportOptions,
): (request: Request, call?: CallOptions) => Promise<Response> {
  const { auth, logger } = options;
  // Messages are built only when someone listens: this runs on every request.
  const log = (level: keyof Logger, message: () => string, data?: () => Record<string, unknown>) => {
    const write = logger?.[level];
    if (write) write.call(logger, auth.redact(message()), data?.());
  };
  // The base URL is normalised by URL, and so is every Request URL, so a
  // prefix test is exact; the trailing slash stops "https://host.evil" tricks.
  const originPrefix = `${options.origin}/`;

  async function attempt(
    url: string,
    init: RequestInit,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Received> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error("timeout"));
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await raceAbort(options.fetch(url, { ...init, signal: controller.signal }), controller.signal);
      const text = await raceAbort(response.text(), controller.signal);
      return { response, text };
    } catch (error) {
      const what = auth.redact(`${init.method} ${url}`);
      if (signal?.aborted) throw abortError(signal, what);
      if (timedOut) {
        throw new Failure(new TwilioTimeoutError(`${what} timed out after ${timeoutMs} ms.`), "sent");
      }
      const cause = safeCause(error, auth.redact);
      const message = `${what} failed: ${describeCause(cause)}.`;
      throw new Failure(new TwilioConnectionError(message, { cause }), failureKind(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  function toResponse({ response, text }: Received, url: string, method: string): Response {
    const { status } = response;
    const what = auth.redact(`${method} ${url}`);
    if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) {
      const location = response.headers.get("location");
      let target = "";
      if (location) {
        try {
          target = ` to ${auth.redact(new URL(location, url).origin)}`;
        } catch {
          target = " to an invalid location";
        }
      }
      const type = response.headers.get("content-type");
      throw new TwilioResponseError(
        status,
        type === null ? undefined : auth.redact(type),
        `${what} answered ${status} with a redirect${target}. The SDK does not follow redirects, so credentials are only ever sent to ${options.origin}.`,
      );
    }
    if (status < 200 || status > 599) {
      throw new TwilioResponseError(status, undefined, `${what} answered with an invalid HTTP status ${status}.`);
    }
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      // The body is already decoded text: its original length and encoding no longer apply.
      if (name === "content-length" || name === "content-encoding" || name === "transfer-encoding") return;
      headers.set(name, auth.redact(value));
    });
    const body = NULL_BODY.has(status) ? null : response.ok ? text : auth.redact(text);
    return new Response(body, { status, statusText: response.statusText, headers });
  }

  return async function send(request: Request, call: CallOptions = {}): Promise<Response> {
    const { url, method } = request;
    const what = auth.redact(`${method} ${url}`);
    if (!url.startsWith(originPrefix)) {
      throw new TwilioConfigError(
        `Refusing to send ${method} to ${auth.redact(new URL(url).origin)}: this client sends credentials only to ${options.origin}.`,
      );
    }
    const maxRetries = call.maxRetries ?? options.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const signal = call.signal ?? undefined;

    const headers = new Headers(request.headers);
    headers.set("authorization", auth.header());
    headers.set("user-agent", options.userAgent);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const init: RequestInit = { method, headers, redirect: "manual" };
    if (request.body !== null) init.body = await request.text();

    for (let attemptNumber = 1; ; attemptNumber++) {
      if (signal?.aborted) throw abortError(signal, what);
      const of = `attempt ${attemptNumber} of ${maxRetries + 1}`;
      log(
        "debug",
        () => `${what} (${of})`,
        () => ({ headers: loggableHeaders(headers) }),
      );
      const started = Date.now();
      let received: Received;
      try {
        received = await attempt(url, init, timeoutMs, signal);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        if (attemptNumber > maxRetries || !isRetryableFailure(method, error.kind)) {
          log("debug", () => `${error.error.message} Giving up (${of}).`);
          throw error.error;
        }
        const delay = retryDelayMs(attemptNumber, null);
        log("warn", () => `${error.error.message} Retrying in ${delay} ms (${of}).`);
        await sleep(delay, signal, what);
        continue;
      }
      const { status } = received.response;
      log("debug", () => `${status} from ${what} in ${Date.now() - started} ms`);
      if (attemptNumber <= maxRetries && isRetryableStatus(method, status)) {
        const delay = retryDelayMs(attemptNumber, received.response.headers.get("retry-after"));
        log("warn", () => `${status} from ${what}; retrying in ${delay} ms (${of}).`);
        await sleep(delay, signal, what);
        continue;
      }
      return toResponse(received, url, method);
    }
  };
}

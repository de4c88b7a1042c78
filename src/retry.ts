// When to retry and how long to wait. Twilio's REST API has no idempotency
// keys, so a request that may have reached Twilio is retried only when
// repeating it is harmless (GET, DELETE) or when Twilio said it did not
// process it (429).

/** Methods that can be repeated without changing the result. */
export const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** Whether a response with this status should be retried. */
export function isRetryableStatus(method: string, status: number): boolean {
  if (status === 429) return true;
  return IDEMPOTENT.has(method) && (status === 408 || (status >= 500 && status <= 599));
}

/**
 * How a failed attempt failed. `unsent`: the request never left (connection
 * refused, DNS failure), so any method may be retried. `sent`: it may have
 * reached the server (reset, timeout), so only idempotent methods are.
 */
export type FailureKind = "unsent" | "sent";

const UNSENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Classifies a transport error by its `code` (or its cause's, as undici nests them). */
export function failureKind(error: unknown): FailureKind {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNSENT_CODES.has(code)) return "unsent";
  }
  return "sent";
}

/** Whether a transport failure should be retried. */
export function isRetryableFailure(method: string, kind: FailureKind): boolean {
  return kind === "unsent" || IDEMPOTENT.has(method);
}

/**
 * The wait before retry number `retry` (1-based): `Retry-After` when it asks
 * for at most 60 s, otherwise exponential backoff from 0.5 s to an 8 s cap,
 * minus up to 25 % jitter so that clients do not retry in lockstep.
 */
export function retryDelayMs(retry: number, retryAfter: string | null, now = Date.now(), random = Math.random): number {
  if (retryAfter !== null) {
    const trimmed = retryAfter.trim();
    // Seconds, or an HTTP date (one in the past means "now").
    const seconds = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Math.max(0, Date.parse(trimmed) - now);
    if (Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_RETRY_AFTER_MS) return Math.ceil(seconds);
  }
  const base = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_DELAY_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

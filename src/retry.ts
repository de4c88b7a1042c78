// When to retry and how long to wait. Twilio's REST API has no idempotency
// keys, so a request that may have reached Twilio is retried only when
// repeating it is harmless (GET, DELETE) or when Twilio said it did not
// process it (429).
import { WireNotSent } from "./wire";

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
 * refused, DNS failure, no file descriptor for a socket, a kept-alive socket
 * the server had closed), so any method may be retried. `sent`: it may have
 * reached the server (reset, timeout), so only idempotent methods are.
 */
export type FailureKind = "unsent" | "sent";

// Errors raised before a connection exists: no byte of the request can have left the machine.
const UNSENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NONAME",
  "EAI_NODATA",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "EADDRNOTAVAIL",
  "EMFILE",
  "ENFILE",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Classifies a transport error: a wire's {@link WireNotSent}, or a `code`
 * (its own or a cause's, as undici nests them) that proves nothing was sent.
 */
export function failureKind(error: unknown): FailureKind {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof WireNotSent) return "unsent";
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNSENT_CODES.has(code)) return "unsent";
  }
  return "sent";
}

/** Whether a transport failure should be retried. */
export function isRetryableFailure(method: string, kind: FailureKind): boolean {
  return kind === "unsent" || IDEMPOTENT.has(method);
}

// An HTTP date names a weekday or a month; anything else (say "-5") is not one, whatever Date.parse makes of it.
const HTTP_DATE = /^[A-Za-z]{3}/;

// The wait a Retry-After asks for: seconds, or an HTTP date in the future; NaN otherwise.
function retryAfterMs(value: string, now: number): number {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  return HTTP_DATE.test(trimmed) ? Date.parse(trimmed) - now : Number.NaN;
}

/**
 * The wait before retry number `retry` (1-based): `Retry-After` when it asks
 * for 0 to 60 s (a negative number, a past date or junk is ignored), otherwise
 * exponential backoff from 0.5 s to an 8 s cap, minus up to 25 % jitter so
 * that clients do not retry in lockstep.
 */
export function retryDelayMs(retry: number, retryAfter: string | null, now = Date.now(), random = Math.random): number {
  if (retryAfter !== null) {
    const ms = retryAfterMs(retryAfter, now);
    if (ms >= 0 && ms <= MAX_RETRY_AFTER_MS) return Math.ceil(ms);
  }
  const base = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_DELAY_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

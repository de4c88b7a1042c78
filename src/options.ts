// Checks the numeric and function options of the client and of each request,
// so a typo or a nonsense value fails loudly before anything is sent.
import { TwilioConfigError, type TwilioError, TwilioValidationError } from "./errors";

/** Default number of retries of a request. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default time limit of one attempt, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Default cap on a response body, after decoding: 16 MiB, over ten times the
 * largest Twilio page (1,000 records) and small enough to keep memory bounded.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Default cap on requests on the wire at once per client and origin, as undici and Stainless users set. */
export const DEFAULT_MAX_SOCKETS_PER_ORIGIN = 50;
// setTimeout cannot wait longer than a signed 32-bit number of milliseconds.
const MAX_TIMEOUT_MS = 2_147_483_647;

type Fail = (name: string, message: string) => TwilioError;
const configError: Fail = (_name, message) => new TwilioConfigError(message);
const validationError: Fail = (name, message) => new TwilioValidationError(name, message);

function describe(value: unknown): string {
  return typeof value === "number" ? String(value) : `a ${value === null ? "null" : typeof value}`;
}

function retries(name: string, value: unknown, fail: Fail): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10) {
    throw fail(name, `${name} must be an integer from 0 to 10, but got ${describe(value)}.`);
  }
  return value;
}

function timeout(name: string, value: unknown, fail: Fail): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw fail(
      name,
      `${name} must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, but got ${describe(value)}.`,
    );
  }
  return value;
}

function count(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new TwilioConfigError(`${name} must be a positive integer, but got ${describe(value)}.`);
  }
  return value;
}

/** Checks `maxRetries`, `timeoutMs`, `maxResponseBytes` and `maxSocketsPerOrigin` of the client options. */
export function clientLimits(options: {
  maxRetries?: unknown;
  timeoutMs?: unknown;
  maxResponseBytes?: unknown;
  maxSocketsPerOrigin?: unknown;
}): { maxRetries: number; timeoutMs: number; maxResponseBytes: number; maxSocketsPerOrigin: number } {
  return {
    maxRetries: retries("maxRetries", options.maxRetries, configError) ?? DEFAULT_MAX_RETRIES,
    timeoutMs: timeout("timeoutMs", options.timeoutMs, configError) ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: count("maxResponseBytes", options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    maxSocketsPerOrigin: count("maxSocketsPerOrigin", options.maxSocketsPerOrigin, DEFAULT_MAX_SOCKETS_PER_ORIGIN),
  };
}

export interface RequestLimits {
  maxRetries: number | undefined;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
}

// What most requests have: none of the three set.
const NO_LIMITS: RequestLimits = Object.freeze({ maxRetries: undefined, timeoutMs: undefined, signal: undefined });

// Duck-typed, not instanceof: signals from polyfills and other realms work too.
function usable(signal: unknown): signal is AbortSignal {
  return (
    typeof (signal as AbortSignal).aborted === "boolean" &&
    typeof (signal as AbortSignal).addEventListener === "function"
  );
}

/** Checks the per-request `maxRetries`, `timeoutMs` and `signal`. */
export function requestLimits(init: { maxRetries?: unknown; timeoutMs?: unknown; signal?: unknown }): RequestLimits {
  const { signal } = init;
  if (signal === undefined && init.maxRetries === undefined && init.timeoutMs === undefined) return NO_LIMITS;
  if (signal !== undefined && signal !== null && !usable(signal)) {
    throw new TwilioValidationError("signal", `signal must be an AbortSignal, but got ${describe(signal)}.`);
  }
  return {
    maxRetries: retries("maxRetries", init.maxRetries, validationError),
    timeoutMs: timeout("timeoutMs", init.timeoutMs, validationError),
    signal: (signal as AbortSignal | null | undefined) ?? undefined,
  };
}

/** Checks the `limit` of `paginate()`. */
export function paginationLimit(value: unknown): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (typeof value !== "number" || !(Number.isInteger(value) || value === Number.POSITIVE_INFINITY) || value < 1) {
    throw new TwilioValidationError("limit", `limit must be a positive integer, but got ${describe(value)}.`);
  }
  return value;
}

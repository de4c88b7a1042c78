/**
 * Where the client writes what it does: one line per attempt, retries and
 * failures. `console` fits; so do pino and winston loggers. Every method is
 * optional. Authorization headers are always redacted, and any credential
 * text is removed from every line.
 *
 * @example
 * ```ts
 * const twilio = createInteractionsClient({ logger: console });
 * // debug: POST https://flex-api.twilio.com/v1/Interactions (attempt 1 of 3)
 * // debug: 200 from POST https://flex-api.twilio.com/v1/Interactions in 212 ms
 * ```
 */
export interface Logger {
  debug?(message: string, data?: Record<string, unknown>): void;
  info?(message: string, data?: Record<string, unknown>): void;
  warn?(message: string, data?: Record<string, unknown>): void;
  error?(message: string, data?: Record<string, unknown>): void;
}

/** The value logged in place of a secret. */
export const REDACTED = "[REDACTED]";

// Headers whose values are credentials of some kind.
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);

/** A copy of request headers for a log line, with credential headers masked. */
export function loggableHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = SECRET_HEADERS.has(name) ? REDACTED : headers[name]!;
  return copy;
}

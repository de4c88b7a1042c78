// What every operation handler receives and returns.
import type { CheckedRequest } from "./request-check";
import { BROKEN } from "./schema-verdict";

export interface HandlerContext {
  /** Emulated now, epoch milliseconds. */
  readonly now: number;
  /** Origin the request came in on, for the absolute URLs in responses. */
  readonly base: string;
  readonly accountSid: string;
  readonly input: CheckedRequest;
}

/** The response body (`undefined` for a 204); the status is the operation's success status. */
export type Handler = (context: HandlerContext) => unknown;

/**
 * A JSON-in-form field, decoded (the request check has already validated it). The check's own
 * decoding is handed out once, so that no two callers share one object; a second call parses again.
 */
export function jsonField<T>(input: CheckedRequest, name: string): T | undefined {
  const text = input.body[name];
  if (typeof text !== "string") return undefined;
  const kept = input.decoded?.get(text);
  if (kept === undefined || kept === BROKEN) return JSON.parse(text) as T;
  input.decoded!.delete(text);
  return kept as T;
}

// What every operation handler receives and returns.
import type { CheckedRequest } from "./request-check";

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

/** A JSON-in-form field, decoded (the request check has already validated it). */
export function jsonField<T>(input: CheckedRequest, name: string): T | undefined {
  const text = input.body[name];
  return typeof text === "string" ? (JSON.parse(text) as T) : undefined;
}

// Rate limits, server errors and refused connections: what is retried, how
// many times, how long the SDK waits, and that a POST is repeated only when
// Twilio said it did not process it (429) or it never left (refused).
import { InternalServerError, RateLimitError, TwilioApiError, TwilioConnectionError } from "twilio-interactions";
import { INTERACTION } from "./fault-server";
import { type FaultCase, backoff, describeFaults, retryWait } from "./harness";

const RATE_LIMITED =
  "Twilio answered 429 (error 20429): Too Many Requests. See https://www.twilio.com/docs/errors/20429";
const refused = (method: string, path: string) =>
  new RegExp(
    `^${method} http://127\\.0\\.0\\.1:\\d+${path} failed: (fetch failed: )?connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\.$`,
  );

const CASES: FaultCase[] = [
  {
    name: "429 with Retry-After: 1, GET: waits 1 s, then succeeds",
    scenario: "429 with Retry-After in seconds",
    call: "fetch",
    maxRetries: 2,
    requests: 2,
    data: INTERACTION,
    waitsMs: [[1000, 1000]],
  },
  {
    name: "429 with Retry-After: 1, POST: retried once (Twilio did not process it), same body",
    scenario: "429 with Retry-After in seconds",
    call: "create",
    maxRetries: 2,
    requests: 2,
    data: INTERACTION,
    waitsMs: [[1000, 1000]],
  },
  {
    name: "429 with a Retry-After over 60 s: ignored, exponential backoff instead",
    scenario: "429 with a Retry-After over 60 s",
    call: "fetch",
    maxRetries: 2,
    requests: 2,
    data: INTERACTION,
    waitsMs: [retryWait(1)],
  },
  {
    name: "429 every time without Retry-After, GET: backoff 0.5 s then 1 s, then RateLimitError",
    scenario: "429 without Retry-After, every time",
    call: "fetch",
    maxRetries: 2,
    requests: 3,
    error: { type: RateLimitError, message: () => RATE_LIMITED },
    waitsMs: [retryWait(1), retryWait(2)],
  },
  {
    name: "429 every time, POST: retried like GET (429 means not processed), then RateLimitError",
    scenario: "429 without Retry-After, every time",
    call: "create",
    maxRetries: 2,
    requests: 3,
    error: { type: RateLimitError, message: () => RATE_LIMITED },
    waitsMs: [retryWait(1), retryWait(2)],
  },
  {
    name: "500, 502, 503 burst, GET with 3 retries: succeeds on the 4th request",
    scenario: "500, 502, 503, then success",
    call: "fetch",
    maxRetries: 3,
    requests: 4,
    data: INTERACTION,
    waitsMs: [retryWait(1), retryWait(2), retryWait(3)],
  },
  {
    name: "500, 502, 503 burst, DELETE with 3 retries: succeeds on the 4th request",
    scenario: "500, 502, 503, then success",
    call: "delete",
    maxRetries: 3,
    requests: 4,
    data: undefined,
    waitsMs: [retryWait(1), retryWait(2), retryWait(3)],
  },
  {
    name: "500, 502, 503 burst, GET with 2 retries: InternalServerError of the last (503)",
    scenario: "500, 502, 503, then success",
    call: "fetch",
    maxRetries: 2,
    requests: 3,
    error: { type: InternalServerError, message: () => "Twilio answered 503 (error 20500): Internal Server Error." },
    waitsMs: [retryWait(1), retryWait(2)],
  },
  {
    name: "500 to a POST: never retried (it may have taken effect)",
    scenario: "500, 502, 503, then success",
    call: "create",
    maxRetries: 3,
    requests: 1,
    error: { type: InternalServerError, message: () => "Twilio answered 500 (error 20500): Internal Server Error." },
  },
  {
    name: "408, GET: retried, then succeeds",
    scenario: "408, then success",
    call: "fetch",
    maxRetries: 1,
    requests: 2,
    data: INTERACTION,
    waitsMs: [retryWait(1)],
  },
  {
    name: "408, POST: not retried",
    scenario: "408, then success",
    call: "create",
    maxRetries: 1,
    requests: 1,
    error: { type: TwilioApiError, message: () => "Twilio answered 408: Request Timeout." },
  },
  {
    name: "connection refused, POST: retried (it never left), then TwilioConnectionError",
    scenario: "connection refused",
    call: "create",
    maxRetries: 2,
    requests: 3,
    error: { type: TwilioConnectionError, message: () => refused("POST", "/v1/Interactions") },
    waitsMs: backoff(2),
  },
  {
    name: "connection refused, DELETE: retried, then TwilioConnectionError",
    scenario: "connection refused",
    call: "delete",
    maxRetries: 1,
    requests: 2,
    error: {
      type: TwilioConnectionError,
      message: () => refused("DELETE", "/v1/Services/\\w+/Sessions/\\w+/Interactions/\\w+"),
    },
    waitsMs: backoff(1),
  },
];

describeFaults("retries", CASES);

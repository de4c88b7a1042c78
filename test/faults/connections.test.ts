// Connections that break, stall or speak something other than HTTP. A GET or
// DELETE is retried; a POST that may have reached the server is not. Every
// failure is a TwilioConnectionError (or TwilioTimeoutError) that names the
// request and the runtime's reason, never a raw fetch error.
import { TwilioConnectionError, TwilioResponseError, TwilioTimeoutError } from "twilio-interactions";
import { CALLS, type CallName } from "./calls";
import { type FaultCase, type Servers, describeFaults, retryWait } from "./harness";

const TIMEOUT_MS = 300;
// The cause is the runtime's own wording, which differs between the two wires
// (node:http, and undici's fetch); the SDK's part of the message does not.
// How undici reports a reset after part of the body depends on whether it reads the RST or the end first.
const BROKE_OFF =
  "(terminated: (closed|other side closed|read ECONNRESET|Response body length does not match content-length header)" +
  "|the connection closed before the response body was complete(: (aborted|read ECONNRESET))?)";
const TRUNCATED =
  "(terminated: Response body length does not match content-length header" +
  "|the connection closed before the response body was complete: aborted)";
const RESET = "(fetch failed: (read ECONNRESET|other side closed)|socket hang up|read ECONNRESET)";
const request = (call: CallName, s: Servers) => `${CALLS[call].method} ${s.origin}${CALLS[call].path}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const failed = (call: CallName, reason: string) => (s: Servers) =>
  new RegExp(`^${escape(request(call, s))} failed: ${reason}\\.$`);
const timedOut = (call: CallName) => (s: Servers) => `${request(call, s)} timed out after ${TIMEOUT_MS} ms.`;

// A slow server: the idempotent call times out on each attempt and is retried once; the POST is not.
const timesOut = (scenario: FaultCase["scenario"], idempotent: CallName): FaultCase[] => [
  {
    name: `${scenario}, ${CALLS[idempotent].method}: each attempt times out, retried once`,
    scenario,
    call: idempotent,
    maxRetries: 1,
    timeoutMs: TIMEOUT_MS,
    requests: 2,
    error: { type: TwilioTimeoutError, message: timedOut(idempotent) },
    waitsMs: [retryWait(1)],
  },
  {
    name: `${scenario}, POST: times out once, not retried`,
    scenario,
    call: "create",
    maxRetries: 2,
    timeoutMs: TIMEOUT_MS,
    requests: 1,
    error: { type: TwilioTimeoutError, message: timedOut("create") },
  },
];

const CASES: FaultCase[] = [
  {
    name: "reset before headers, GET: retried twice, then TwilioConnectionError",
    scenario: "connection reset before headers",
    call: "fetch",
    maxRetries: 2,
    requests: 3,
    error: {
      type: TwilioConnectionError,
      message: failed("fetch", RESET),
    },
    waitsMs: [retryWait(1), retryWait(2)],
  },
  {
    name: "reset before headers, POST: sent once",
    scenario: "connection reset before headers",
    call: "create",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioConnectionError,
      message: failed("create", RESET),
    },
  },
  {
    name: "reset in the middle of the body, GET: retried, then TwilioConnectionError",
    scenario: "connection reset in the middle of the body",
    call: "fetch",
    maxRetries: 1,
    requests: 2,
    error: {
      type: TwilioConnectionError,
      message: failed("fetch", BROKE_OFF),
    },
    waitsMs: [retryWait(1)],
  },
  {
    name: "reset in the middle of the body, POST: sent once",
    scenario: "connection reset in the middle of the body",
    call: "create",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioConnectionError,
      message: failed("create", BROKE_OFF),
    },
  },
  ...timesOut("headers slower than the timeout", "fetch"),
  ...timesOut("a body that stalls", "delete"),
  {
    name: "truncated JSON (closed before Content-Length), GET: retried, then TwilioConnectionError",
    scenario: "truncated JSON: connection closed before Content-Length",
    call: "fetch",
    maxRetries: 1,
    requests: 2,
    error: {
      type: TwilioConnectionError,
      message: failed("fetch", TRUNCATED),
    },
    waitsMs: [retryWait(1)],
  },
  {
    name: "truncated JSON (closed before Content-Length), POST: sent once",
    scenario: "truncated JSON: connection closed before Content-Length",
    call: "create",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioConnectionError,
      message: failed("create", TRUNCATED),
    },
  },
  {
    name: "bytes that are not HTTP, GET: TwilioConnectionError naming the parse failure",
    scenario: "bytes that are not HTTP",
    call: "fetch",
    requests: 1,
    error: {
      type: TwilioConnectionError,
      message: failed(
        "fetch",
        "(fetch failed: Response does not match the HTTP/1\\.1 protocol \\(.*\\)|Parse Error: .*)",
      ),
    },
  },
  {
    name: "status 999, GET: TwilioResponseError, not retried",
    scenario: "invalid status 999",
    call: "fetch",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: (s) => `${request("fetch", s)} answered with an invalid HTTP status 999.`,
    },
  },
];

describeFaults("broken connections and slow servers", CASES);

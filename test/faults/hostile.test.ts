// Servers that attack the client itself (issue 11): bodies too big to hold,
// compressed or BOM-prefixed bodies, interim 1xx answers, a 204 where the spec
// promises a body, bad Retry-After values, error details nested too deep to
// print, the credential in the reason phrase or percent-encoded, and loops in
// disguise. Each case runs on both wires, with every test credential, and the
// leak check of every fault test.
import {
  AuthenticationError,
  BadRequestError,
  TwilioConnectionError,
  TwilioPaginationError,
  TwilioResponseError,
  TwilioTimeoutError,
} from "twilio-interactions";
import { CALLS, type CallName } from "./calls";
import { INTERACTION, PAGE_ITEMS } from "./fault-server";
import { type FaultCase, type Servers, describeFaults, retryWait } from "./harness";

const MiB = 1024 * 1024;
const request = (call: CallName, s: Servers) => `${CALLS[call].method} ${s.origin}${CALLS[call].path}`;
const tooLarge = (call: CallName, maxBytes: number) => (s: Servers) =>
  `${request(call, s)} answered 200 with a body larger than maxResponseBytes (${maxBytes} bytes); ` +
  "nothing more was read. Raise maxResponseBytes if such responses are expected. The request may have taken effect.";
// The runtime words it (node:http through the SDK, or undici's fetch); the class and the promptness are the same.
const interim = (call: CallName, nodeReason: string, fetchReason: string) => (s: Servers) =>
  new RegExp(`^${escape(request(call, s))} failed: (${escape(nodeReason)}|fetch failed: ${fetchReason})\\.$`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const loopMessage = "Page 2 repeats the next_page_url of an earlier page; stopping to avoid a loop.";

const CASES: FaultCase[] = [
  {
    name: "endless chunked body: TwilioResponseError once maxResponseBytes are read, not retried",
    scenario: "endless chunked JSON body",
    call: "fetch",
    maxRetries: 2,
    options: { maxResponseBytes: MiB },
    requests: 1,
    error: { type: TwilioResponseError, message: tooLarge("fetch", MiB) },
  },
  {
    name: "Content-Length over the default cap: TwilioResponseError at the headers",
    scenario: "Content-Length of 200 MB",
    call: "fetch",
    requests: 1,
    error: { type: TwilioResponseError, message: tooLarge("fetch", 16 * MiB) },
  },
  {
    name: "gzip bomb: the decoded size counts, decoding stops at the cap",
    scenario: "gzip bomb",
    call: "fetch",
    options: { maxResponseBytes: MiB },
    requests: 1,
    error: { type: TwilioResponseError, message: tooLarge("fetch", MiB) },
    // The client hung up while most of the 16 MB body was still to be sent.
    check: (run, expect) => expect(run.origin.notes.sentWhole).toBe(false),
  },
  ...(["gzip", "deflate", "br"] as const).map((coding): FaultCase => ({
    name: `${coding}-compressed JSON: decoded, after asking for gzip, deflate and br`,
    scenario: `${coding}-compressed JSON`,
    call: "fetch",
    requests: 1,
    data: INTERACTION,
    check: (run, expect) => expect(run.origin.requests[0]!.headers["accept-encoding"]).toBe("gzip, deflate, br"),
  })),
  {
    name: "JSON after a UTF-8 byte order mark: parsed",
    scenario: "JSON after a UTF-8 byte order mark",
    call: "fetch",
    requests: 1,
    data: INTERACTION,
  },
  {
    name: "JSON in chunks with a byte order mark and a character cut between them: parsed whole",
    scenario: "JSON in chunks, characters cut between them",
    call: "fetch",
    requests: 1,
    data: { ...INTERACTION, note: "é" },
  },
  {
    name: "JSON in ASCII chunks, then a character cut between two: parsed whole",
    scenario: "JSON in chunks, ASCII before a character cut between them",
    call: "fetch",
    requests: 1,
    data: { ...INTERACTION, note: "é" },
  },
  ...(["fetch", "create"] as const).map((call): FaultCase => ({
    name: `unsolicited 100 Continue, ${CALLS[call].method}: TwilioConnectionError at once, not a timeout`,
    scenario: "100 Continue, then nothing",
    call,
    maxRetries: 0,
    requests: 1,
    error: {
      type: TwilioConnectionError,
      message: interim(call, "the server answered 100 Continue, which the request did not ask for", "bad response"),
    },
  })),
  {
    name: "101 Switching Protocols: TwilioConnectionError at once",
    scenario: "101 Switching Protocols",
    call: "fetch",
    requests: 1,
    error: {
      type: TwilioConnectionError,
      message: interim(
        "fetch",
        "the server answered 101 Switching Protocols, which the request did not ask for",
        "bad upgrade",
      ),
    },
  },
  ...(["fetch", "create"] as const).map((call): FaultCase => ({
    name: `204 to ${CALLS[call].method} (whose spec promises a body): TwilioResponseError`,
    scenario: "204 to any request",
    call,
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: () =>
        `${CALLS[call].method} ${call === "fetch" ? "/v1/Interactions/{Sid}" : "/v1/Interactions"} answered 204 with an empty body instead of JSON.`,
    },
  })),
  {
    name: "204 to DELETE (whose spec says 204): resolves without data",
    scenario: "204 to any request",
    call: "delete",
    requests: 1,
    data: undefined,
  },
  ...(["429 with Retry-After: -5", "429 with Retry-After in the past"] as const).map((scenario): FaultCase => ({
    name: `${scenario}: the normal backoff, not an immediate retry`,
    scenario,
    call: "fetch",
    maxRetries: 1,
    requests: 2,
    data: INTERACTION,
    waitsMs: [retryWait(1)],
  })),
  {
    name: "401 with details nested 100,000 deep: JSON.stringify(err) works, bounded",
    scenario: "401 with details nested 100,000 deep",
    call: "fetch",
    requests: 1,
    error: {
      type: AuthenticationError,
      message: () =>
        /^Twilio answered 401 \(error 20003\): Authenticate\. The request carried the (Account SID AC|API key SK)[0-9a-f]{32} and its (Auth Token|secret), from the client options: check [^[]*\.$/,
    },
    check: (run, expect) => {
      expect(() => JSON.stringify(run.error)).not.toThrow();
      expect(JSON.stringify(run.error)).toContain('"[truncated]"');
    },
  },
  {
    name: "401 echoing the credential in its reason phrase: redacted in the error",
    scenario: "401 echoing the credential in its reason phrase",
    call: "fetch",
    requests: 1,
    error: {
      type: AuthenticationError,
      message: () =>
        /^Twilio answered 401: Basic \[REDACTED\] \[REDACTED\]: the server answered with an empty body\. The request carried the (Account SID AC|API key SK)[0-9a-f]{32} and its (Auth Token|secret), from the client options: check [^[]*\.$/,
    },
  },
  {
    name: "200 echoing the credential in its reason phrase: redacted in response.statusText",
    scenario: "200 echoing the credential in its reason phrase",
    call: "fetch",
    requests: 1,
    data: INTERACTION,
  },
  {
    name: "next_page_url echoing the credential percent-encoded, then a stall: redacted in the timeout",
    scenario: "next_page_url echoing the percent-encoded credential, then a stall",
    call: "list",
    timeoutMs: 1000,
    requests: 2,
    items: PAGE_ITEMS,
    error: {
      type: TwilioTimeoutError,
      message: (s) =>
        new RegExp(
          `^GET ${escape(s.origin + CALLS.list.path)}\\?PageSize=3&Page=1&Raw=\\[REDACTED\\]&All=\\[REDACTED\\]&Token=\\[REDACTED\\] timed out after 1000 ms\\.$`,
        ),
    },
  },
  {
    name: "error body echoing the credential percent-encoded: redacted",
    scenario: "error body echoing the percent-encoded credential",
    call: "fetch",
    requests: 1,
    error: {
      type: BadRequestError,
      message: () =>
        "Twilio answered 400 (error 21000): got [REDACTED] and [REDACTED]. See https://example.com/?s=[REDACTED]",
    },
  },
  ...(
    ["next_page_url repeating itself but for a #fragment", "next_page_url repeating itself but for user info"] as const
  ).map((scenario): FaultCase => ({
    name: `${scenario}: a loop, stopped after two pages`,
    scenario,
    call: "list",
    requests: 2,
    items: 2 * PAGE_ITEMS,
    error: { type: TwilioPaginationError, message: () => loopMessage },
  })),
];

describeFaults("hostile servers", CASES);

// Complete HTTP responses whose content is wrong or hostile: truncated or
// non-JSON bodies, HTML error pages, redirects to another origin, and a
// server that echoes the credential back in bodies, headers and locations.
import { AuthenticationError, InternalServerError, TwilioResponseError } from "twilio-interactions";
import { CALLS, type CallName } from "./calls";
import { HTML_PAGE, INTERACTION, TRUNCATED_BODY } from "./fault-server";
import { type FaultCase, type Servers, describeFaults, retryWait } from "./harness";

const request = (call: CallName, s: Servers) => `${CALLS[call].method} ${s.origin}${CALLS[call].path}`;
const notJson = (what: string, body: string, type: string) =>
  `${what} answered 200 with a body that is not valid JSON (${body.length} characters of ${type}); ` +
  "it may be truncated or come from a proxy. The request may have taken effect.";
const badGateway = `Twilio answered 502: Bad Gateway: the server answered with a body that is not a Twilio error (${HTML_PAGE.length} characters of text/html).`;
const redirected = (call: CallName, status: number) => (s: Servers) =>
  `${request(call, s)} answered ${status} with a redirect to ${s.foreign}. ` +
  `The SDK does not follow redirects, so credentials are only ever sent to ${s.origin}.`;

const CASES: FaultCase[] = [
  {
    name: "truncated JSON in a complete 200, GET: TwilioResponseError, not retried",
    scenario: "truncated JSON: complete HTTP response",
    call: "fetch",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: () => notJson("GET /v1/Interactions/{Sid}", TRUNCATED_BODY, "application/json"),
    },
  },
  {
    name: "truncated JSON in a complete 200, POST: TwilioResponseError, sent once",
    scenario: "truncated JSON: complete HTTP response",
    call: "create",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: () => notJson("POST /v1/Interactions", TRUNCATED_BODY, "application/json"),
    },
  },
  {
    name: "HTML error page with 502, GET: retried, then InternalServerError describing the page",
    scenario: "HTML error page with 502",
    call: "fetch",
    maxRetries: 1,
    requests: 2,
    error: { type: InternalServerError, message: () => badGateway },
    waitsMs: [retryWait(1)],
  },
  {
    name: "HTML error page with 502, POST: sent once",
    scenario: "HTML error page with 502",
    call: "create",
    maxRetries: 2,
    requests: 1,
    error: { type: InternalServerError, message: () => badGateway },
  },
  {
    name: "empty 200 body: TwilioResponseError",
    scenario: "empty 200 body",
    call: "fetch",
    maxRetries: 2,
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: () => "GET /v1/Interactions/{Sid} answered 200 with an empty body instead of JSON.",
    },
  },
  {
    name: "valid JSON labelled text/plain: accepted as data",
    scenario: "JSON labelled text/plain",
    call: "fetch",
    requests: 1,
    data: INTERACTION,
  },
  {
    name: "HTML page with 200: TwilioResponseError naming the content type",
    scenario: "HTML page with 200",
    call: "fetch",
    maxRetries: 2,
    requests: 1,
    error: { type: TwilioResponseError, message: () => notJson("GET /v1/Interactions/{Sid}", HTML_PAGE, "text/html") },
  },
  {
    name: "302 to another origin, GET: not followed, nothing sent there",
    scenario: "redirect to another origin",
    call: "fetch",
    maxRetries: 2,
    requests: 1,
    error: { type: TwilioResponseError, message: redirected("fetch", 302) },
  },
  {
    name: "307 to another origin, POST: not followed, nothing sent there",
    scenario: "redirect to another origin",
    call: "create",
    maxRetries: 2,
    requests: 1,
    error: { type: TwilioResponseError, message: redirected("create", 307) },
  },
  {
    name: "401 echoing the credential in body and headers: AuthenticationError, all redacted",
    scenario: "401 echoing the credential in its body and headers",
    call: "fetch",
    requests: 1,
    error: {
      type: AuthenticationError,
      message: () =>
        /^Twilio answered 401 \(error 20003\): Authenticate: got (AC|SK)[0-9a-f]{32}:\[REDACTED\] \(\[REDACTED\], \[REDACTED\]\)\. The request carried the (Account SID AC|API key SK)[0-9a-f]{32} and its (Auth Token|secret), from the client options: check [^[]*\. See https:\/\/example\.com\/\?secret=\[REDACTED\]$/,
    },
  },
  {
    name: "200 echoing the credential in its Content-Type: TwilioResponseError without it",
    scenario: "200 echoing the credential in its Content-Type",
    call: "fetch",
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: () => notJson("GET /v1/Interactions/{Sid}", HTML_PAGE, "text/[REDACTED]"),
    },
  },
  {
    name: "redirect echoing the credential in its host, query and Content-Type: TwilioResponseError without it",
    scenario: "redirect echoing the credential",
    call: "create",
    requests: 1,
    error: {
      type: TwilioResponseError,
      message: (s) =>
        `${request("create", s)} answered 302 with a redirect to http://[REDACTED].example.com. ` +
        `The SDK does not follow redirects, so credentials are only ever sent to ${s.origin}.`,
    },
  },
];

describeFaults("wrong and hostile responses", CASES);

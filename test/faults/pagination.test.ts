// Pagination against a server whose next_page_url cannot be trusted: another
// origin, a loop, a missing meta, an empty page that names a next one, the
// credential echoed into the URL. Items already received are yielded, then
// paging stops with a TwilioPaginationError; nothing goes to another origin.
import { TwilioPaginationError, TwilioTimeoutError } from "twilio-interactions";
import { INTERACTION_SID } from "../helpers/fixtures";
import { PAGE_ITEMS } from "./fault-server";
import { type FaultCase, describeFaults } from "./harness";

const TIMEOUT_MS = 300;

const CASES: FaultCase[] = [
  {
    name: "next_page_url on another origin: first page yielded, nothing sent there",
    scenario: "next_page_url on another origin",
    call: "list",
    maxRetries: 2,
    requests: 1,
    items: PAGE_ITEMS,
    error: {
      type: TwilioPaginationError,
      message: (s) =>
        `Page 1 names its next page on ${s.foreign}, not ${s.origin}; stopping without sending anything there.`,
    },
  },
  {
    name: "next_page_url that repeats itself: two pages yielded, then stop",
    scenario: "next_page_url that repeats itself",
    call: "list",
    requests: 2,
    items: 2 * PAGE_ITEMS,
    error: {
      type: TwilioPaginationError,
      message: () => "Page 2 repeats the next_page_url of an earlier page; stopping to avoid a loop.",
    },
  },
  {
    name: "next_page_url back to the first page: two pages yielded once each, then stop",
    scenario: "next_page_url back to the first page",
    call: "list",
    requests: 2,
    items: 2 * PAGE_ITEMS,
    error: { type: TwilioPaginationError, message: () => /^Page 2 .+; stopping to avoid a loop\.$/ },
  },
  {
    name: "page without meta: its items yielded, then stop",
    scenario: "page without meta",
    call: "list",
    requests: 1,
    items: 2,
    error: {
      type: TwilioPaginationError,
      message: () => 'Page 1 has no "meta", so whether more pages follow is unknown; stopping after its items.',
    },
  },
  {
    name: "empty page with a next_page_url: stop",
    scenario: "empty page with a next_page_url",
    call: "list",
    requests: 1,
    items: 0,
    error: {
      type: TwilioPaginationError,
      message: () => "Page 1 is empty but names a next page; stopping to avoid an endless loop.",
    },
  },
  {
    name: "next_page_url echoing the credential in its host: stop without repeating it",
    scenario: "next_page_url echoing the credential in its host",
    call: "list",
    requests: 1,
    items: PAGE_ITEMS,
    error: {
      type: TwilioPaginationError,
      message: (s) =>
        `Page 1 names its next page on http://[REDACTED].example.com, not ${s.origin}; stopping without sending anything there.`,
    },
  },
  {
    name: "next_page_url echoing the credential in its path: stop without repeating it",
    scenario: "next_page_url echoing the credential in its path",
    call: "list",
    requests: 1,
    items: PAGE_ITEMS,
    error: {
      type: TwilioPaginationError,
      message: () => /^Page 1 names a next page on another resource\b.*; stopping\.$/,
    },
  },
  {
    name: "next_page_url echoing the credential in its query, then a stall: timeout error without it",
    scenario: "next_page_url echoing the credential in its query, then a stall",
    call: "list",
    timeoutMs: TIMEOUT_MS,
    requests: 2,
    items: PAGE_ITEMS,
    error: {
      type: TwilioTimeoutError,
      message: (s) =>
        `GET ${s.origin}/v1/Interactions/${INTERACTION_SID}/Channels?PageSize=${PAGE_ITEMS}&Page=1&Echo=[REDACTED] ` +
        `timed out after ${TIMEOUT_MS} ms.`,
    },
  },
];

describeFaults("pagination against a hostile server", CASES);

// paginate() against any options (limit, PageSize, Page, signal, per-request
// retries and timeout, the parent SID): invalid input is a
// TwilioValidationError (or InvalidSidError), thrown by paginate() or on the
// first iteration, and the server receives nothing; valid input sends exactly
// one request with the documented query and yields at most `limit` items.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidSidError,
  TwilioAbortError,
  TwilioValidationError,
  createInteractionsClient,
} from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";
import { RUNS, junk, sidOrJunk } from "./arbitraries";

const ITEMS = 5;
const valid = {
  limit: (v: unknown) =>
    v === undefined || v === Number.POSITIVE_INFINITY || (Number.isInteger(v) && (v as number) >= 1),
  pageSize: (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000),
  page: (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0),
  signal: (v: unknown) => v === undefined || v === null || v instanceof AbortSignal,
  retries: (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10),
  timeout: (v: unknown) =>
    v === undefined || (typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 2_147_483_647),
  sid: (v: unknown) => typeof v === "string" && /^KD[0-9a-fA-F]{32}$/.test(v),
};

const badCounts = fc.constantFrom(0, -1, 1.5, 1001, Number.NaN, Number.NEGATIVE_INFINITY, "10", null);
const badTimeouts = fc.constantFrom(0, -1, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY, "5000", null);
const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = badCounts) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: good },
    { weight: 1, arbitrary: bad },
    { weight: 1, arbitrary: junk },
  );
const signal = fc.constantFrom("live", "aborted").map((kind) => {
  const controller = new AbortController();
  if (kind === "aborted") controller.abort(new Error("caller gave up"));
  return controller.signal;
});
const init = fc.record({
  limit: maybe(fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constant(Number.POSITIVE_INFINITY))),
  PageSize: maybe(fc.integer({ min: 1, max: 1000 })),
  Page: maybe(fc.nat(50)),
  signal: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: signal },
    { weight: 1, arbitrary: junk },
  ),
  maxRetries: maybe(fc.integer({ min: 0, max: 10 })),
  // Valid timeouts are long: a valid call must succeed, not time out.
  timeoutMs: maybe(fc.integer({ min: 5_000, max: 60_000 }), badTimeouts),
  sid: sidOrJunk("KD"),
});

describe("paginate options, fuzzed", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_request, response) => {
      const channels = Array.from({ length: ITEMS }, (_, i) => ({ sid: `UO${String(i).padStart(32, "0")}` }));
      json(response, 200, { channels, meta: { page: 0, page_size: ITEMS, key: "channels", next_page_url: null } });
    });
  });
  afterAll(() => server.close());

  it("invalid options send nothing and throw only validation errors; valid ones send one documented request", async () => {
    const client = createInteractionsClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrls: { flex: server.url },
      maxRetries: 0,
    });
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(init, async ({ limit, PageSize, Page, signal, maxRetries, timeoutMs, sid }) => {
        server.reset();
        let items: unknown[] | undefined;
        let error: unknown;
        try {
          const paginator = client.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
            params: { path: { InteractionSid: sid as never }, query: { PageSize, Page } as never },
            limit: limit as never,
            signal: signal as never,
            maxRetries: maxRetries as never,
            timeoutMs: timeoutMs as never,
          });
          items = await paginator.toArray();
        } catch (e) {
          error = e;
        }
        const isValid =
          valid.limit(limit) &&
          valid.pageSize(PageSize) &&
          valid.page(Page) &&
          valid.signal(signal) &&
          valid.retries(maxRetries) &&
          valid.timeout(timeoutMs) &&
          valid.sid(sid);
        const aborted = (signal as AbortSignal | undefined)?.aborted === true;
        if (!isValid) {
          // An aborted signal may be reported before a per-request option that is checked when the first page loads.
          if (!(aborted && error instanceof TwilioAbortError)) expect(error).toBeInstanceOf(TwilioValidationError);
          if (!valid.sid(sid) && error instanceof InvalidSidError) expect(error.parameter).toBe("InteractionSid");
          expect(server.requests).toEqual([]);
          return;
        }
        if (aborted) {
          expect((error as Error).constructor).toBe(TwilioAbortError);
          expect(server.requests).toEqual([]);
          return;
        }
        expect(error).toBeUndefined();
        sent++;
        expect(items).toHaveLength(Math.min(ITEMS, (limit as number | undefined) ?? ITEMS));
        expect(server.requests).toHaveLength(1);
        const query = new URL(server.requests[0]!.url, server.url).searchParams;
        const pageSize = PageSize ?? (Number.isFinite(limit) ? Math.min(limit as number, 1000) : undefined);
        expect(query.get("PageSize")).toBe(pageSize === undefined ? null : String(pageSize));
        expect(query.get("Page")).toBe(Page === undefined ? null : String(Page));
      }),
      { numRuns: RUNS, timeout: 3000 },
    );
    // Both branches are exercised, not only rejections.
    expect(sent).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});

// Pagination against a real paging server: items across pages, limit, one
// page of prefetch at most, early break, foreign and repeated next URLs,
// abort, and errors in the middle of a list.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  NotFoundError,
  TwilioAbortError,
  TwilioPaginationError,
  TwilioValidationError,
  createInteractionsClient,
} from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID, SERVICE_SID, SESSION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

const CHANNELS = `/v1/Interactions/${INTERACTION_SID}/Channels`;
const channelSid = (n: number) => `UO${n.toString(16).padStart(32, "0")}`;

interface Paging {
  total: number;
  /** Rewrites the next URL of a page, to inject faults. */
  next?: (url: string | null, page: number) => string | null;
  omitMeta?: (page: number) => boolean;
  status?: (page: number) => number;
}

let server: TestServer;
let foreign: TestServer;
let twilio: ReturnType<typeof createInteractionsClient>;

function serve({ total, next = (url) => url, omitMeta = () => false, status = () => 200 }: Paging) {
  server.reset((req, res) => {
    const url = new URL(req.url, server.url);
    const size = Number(url.searchParams.get("PageSize") ?? 50);
    const page = Number(url.searchParams.get("Page") ?? 0);
    if (status(page) !== 200) return json(res, status(page), { status: status(page), message: `page ${page} failed` });
    const key = url.pathname.endsWith("/Interactions") ? "interactions" : "channels";
    const items = Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, i) => ({
      sid: channelSid(page * size + i),
    }));
    const more = (page + 1) * size < total;
    const own = `${server.url}${url.pathname}?PageSize=${size}&Page=${page}`;
    const meta = {
      page,
      page_size: size,
      first_page_url: `${server.url}${url.pathname}?PageSize=${size}&Page=0`,
      previous_page_url: null,
      url: own,
      next_page_url: next(
        more ? `${server.url}${url.pathname}?PageSize=${size}&Page=${page + 1}&PageToken=PA${page + 1}` : null,
        page,
      ),
      key,
    };
    json(res, 200, omitMeta(page) ? { [key]: items } : { [key]: items, meta });
  });
}

const list = (init: Record<string, unknown> = {}) =>
  twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
    params: { path: { InteractionSid: INTERACTION_SID }, query: { PageSize: 2 } },
    ...init,
  });

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition();) {
    if (Date.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  foreign = await startServer((_req, res) => json(res, 200, {}));
});
afterAll(() => foreign.close());
// A server and a client per test: a page a test prefetched and left behind (early break, abort) can
// reach its server late on a busy machine, and must not show up among the next test's requests.
beforeEach(async () => {
  server = await startServer();
  twilio = createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: server.url, proxy: server.url },
    maxRetries: 0,
  });
});
afterEach(() => server.close());

describe("paginate", () => {
  it("yields every item across pages, following next_page_url exactly", async () => {
    serve({ total: 7 });
    const sids: string[] = [];
    for await (const channel of list()) sids.push(channel.sid);
    expect(sids).toEqual([0, 1, 2, 3, 4, 5, 6].map(channelSid));
    expect(server.requests.map((r) => r.url)).toEqual([
      `${CHANNELS}?PageSize=2`,
      `${CHANNELS}?PageSize=2&Page=1&PageToken=PA1`,
      `${CHANNELS}?PageSize=2&Page=2&PageToken=PA2`,
      `${CHANNELS}?PageSize=2&Page=3&PageToken=PA3`,
    ]);
    expect(server.requests.every((r) => r.headers.authorization?.startsWith("Basic "))).toBe(true);
  });

  it("yields pages with their meta, and collects with toArray", async () => {
    serve({ total: 5 });
    const pages = [];
    for await (const page of list().pages()) pages.push([page.meta.page, page.items.length, page.response.status]);
    expect(pages).toEqual([
      [0, 2, 200],
      [1, 2, 200],
      [2, 1, 200],
    ]);
    serve({ total: 5 });
    expect((await list().toArray()).map((c) => c.sid)).toEqual([0, 1, 2, 3, 4].map(channelSid));
  });

  it("uses the list key from the spec (Proxy: interactions)", async () => {
    serve({ total: 3 });
    const items = await twilio.proxy
      .paginate("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
        params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID }, query: { PageSize: 2 } },
      })
      .toArray();
    expect(items).toHaveLength(3);
  });

  it("stops at limit, trims the last page and asks for no page beyond it", async () => {
    serve({ total: 20 });
    expect((await list({ limit: 5 }).toArray()).map((c) => c.sid)).toEqual([0, 1, 2, 3, 4].map(channelSid));
    expect(server.requests).toHaveLength(3);
  });

  it("sets PageSize from limit when the caller does not", async () => {
    serve({ total: 20 });
    const items = await twilio.flex
      .paginate("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: { InteractionSid: INTERACTION_SID } },
        limit: 3,
      })
      .toArray();
    expect(items).toHaveLength(3);
    expect(server.requests.map((r) => r.url)).toEqual([`${CHANNELS}?PageSize=3`]);
  });

  it("fetches the next page while the caller works on the current one, and no further", async () => {
    serve({ total: 10 });
    for await (const channel of list()) {
      if (channel.sid !== channelSid(0)) continue;
      await until(() => server.requests.length === 2, "the prefetch of page 2");
      await new Promise((r) => setTimeout(r, 200));
      expect(server.requests).toHaveLength(2);
    }
    expect(server.requests).toHaveLength(5);
  });

  it("sends nothing beyond the one prefetched page after an early break", async () => {
    serve({ total: 10 });
    for await (const channel of list()) {
      expect(channel.sid).toBe(channelSid(0));
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(server.requests[0]?.url).toBe(`${CHANNELS}?PageSize=2`);
  });

  it("refuses a next_page_url on another origin and sends it nothing", async () => {
    foreign.reset();
    serve({ total: 6, next: (url) => url && url.replace(server.url, foreign.url) });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const channel of list()) seen.push(channel.sid);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioPaginationError);
    expect((error as Error).message).toBe(
      `Page 1 names its next page on ${foreign.url}, not ${server.url}; stopping without sending anything there.`,
    );
    expect(seen).toEqual([channelSid(0), channelSid(1)]);
    expect(foreign.requests).toEqual([]);
  });

  it("refuses a next_page_url on another resource of the same origin", async () => {
    serve({
      total: 6,
      next: (url) => url && url.replace("/Channels", "/Channels/UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants"),
    });
    await expect(list().toArray()).rejects.toThrow(/Page 1 names a next page on another resource/);
    expect(server.requests).toHaveLength(1);
  });

  it("stops with an error on a repeated next URL", async () => {
    serve({
      total: 10,
      next: (url, page) => (page >= 1 ? `${server.url}${CHANNELS}?PageSize=2&Page=1&PageToken=PA1` : url),
    });
    const pages: number[] = [];
    const error = await (async () => {
      for await (const page of list().pages()) pages.push(page.meta.page);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioPaginationError);
    expect((error as Error).message).toMatch(/Page 2 repeats the next_page_url of an earlier page/);
    expect(pages).toEqual([0, 1]);
    expect(server.requests).toHaveLength(2);
  });

  it("yields the items of a page without meta, then stops with an error", async () => {
    serve({ total: 6, omitMeta: (page) => page === 1 });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const channel of list()) seen.push(channel.sid);
      })(),
    ).rejects.toThrow(/Page 2 has no "meta"/);
    expect(seen).toHaveLength(4);
  });

  it("throws the API error of a failing page after the items before it", async () => {
    serve({ total: 6, status: (page) => (page === 1 ? 404 : 200) });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const channel of list()) seen.push(channel.sid);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen).toHaveLength(2);
  });

  it("honours an AbortSignal: before the first page, and in the middle of a list", async () => {
    serve({ total: 10 });
    await expect(list({ signal: AbortSignal.abort() }).toArray()).rejects.toBeInstanceOf(TwilioAbortError);
    expect(server.requests).toEqual([]);

    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const channel of list({ signal: controller.signal })) {
        seen.push(channel.sid);
        if (seen.length === 3) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioAbortError);
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it("refuses bad options before sending anything", () => {
    serve({ total: 1 });
    expect(() => list({ limit: 0 })).toThrow(
      new TwilioValidationError("limit", "limit must be a positive integer, but got 0."),
    );
    expect(() => list({ limit: 1.5 })).toThrow(TwilioValidationError);
    expect(() => list({ signal: "stop" })).toThrow(/signal must be an AbortSignal/);
    expect(() => list({ maxRetries: -1 })).toThrow(/maxRetries must be an integer from 0 to 10/);
    expect(() => list({ timeoutMs: 0 })).toThrow(/timeoutMs must be a number of milliseconds/);
    expect(() => twilio.flex.paginate("/v1/Interactions/{Sid}" as never, {} as never)).toThrow(
      /is not a list operation/,
    );
    expect(server.requests).toEqual([]);
  });
});

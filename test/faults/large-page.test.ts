// A 10 MB list page (1000 records of about 10 KB) is read, parsed and
// paginated like any other, and `limit` stops paging without asking for the
// next page. Time and memory are printed, not asserted: the machine is shared.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInteractionsClient } from "twilio-interactions";
import { INTERACTION_SID } from "../helpers/fixtures";
import { type FaultServer, LARGE_PAGE_ITEMS, PAGE_ITEMS, startFaultServer } from "./fault-server";
import { CREDENTIALS, Evidence } from "./leak-check";

const PATH = `/v1/Interactions/${INTERACTION_SID}/Channels`;

describe("a 10 MB page", () => {
  let origin: FaultServer;
  let evidence: Evidence;
  beforeEach(async () => {
    origin = await startFaultServer("10 MB page");
    evidence = new Evidence();
  });
  afterEach(() => origin.close());

  const list = (limit?: number) =>
    createInteractionsClient({
      ...CREDENTIALS[0]!.options,
      baseUrls: { flex: origin.url },
      maxRetries: 0,
      logger: evidence.logger,
    }).flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
      params: { path: { InteractionSid: INTERACTION_SID } },
      limit,
    });

  it("is parsed whole and followed by its next page", async () => {
    const pages = [];
    for await (const page of list().pages()) pages.push(page);
    // The server sent exactly this JSON text (ASCII, so characters are bytes).
    const bytes = JSON.stringify(pages[0]!.body).length;

    expect(bytes).toBeGreaterThan(10_000_000);
    expect(pages.map((p) => p.items.length)).toEqual([LARGE_PAGE_ITEMS, PAGE_ITEMS]);
    const items = pages.flatMap((p) => p.items) as { sid: string; properties?: { note: string } }[];
    expect(new Set(items.map((i) => i.sid)).size).toBe(LARGE_PAGE_ITEMS + PAGE_ITEMS);
    expect(items[LARGE_PAGE_ITEMS - 1]!.properties!.note).toBe("9".repeat(10_000));
    expect(origin.requests.map((r) => r.url)).toEqual([PATH, `${PATH}?PageSize=${PAGE_ITEMS}&Page=1`]);
    expect(evidence.leaks()).toEqual([]);
  });

  it("with a limit inside the page: trimmed, and the next page is never requested", async () => {
    const items = await list(10).toArray();
    expect(items).toHaveLength(10);
    expect(origin.requests.map((r) => r.url)).toEqual([`${PATH}?PageSize=10`]);
  });
});

// cleanupProxySession against the emulator: a 500-interaction session through
// 429 storms and dropped connections with nothing deleted twice and nothing
// skipped, filters, dry runs, and an aborted run resumed.
import { describe, expect, it } from "vitest";
import { type CleanupProgress, InternalServerError, cleanupProxySession } from "twilio-interactions";
import { TRANSPORTS, useEmulator } from "../emulator/support";

const DELETE = "DeleteProxyInteraction";

// In-process, and over loopback HTTP so 429s and dropped connections cross a real socket.
describe.each(TRANSPORTS)("cleanupProxySession (%s)", (transport) => {
  const ctx = useEmulator(transport);

  function session(interactions: number) {
    const info = ctx.emulator.proxySession({ interactions });
    const ref = { serviceSid: info.serviceSid, sessionSid: info.sessionSid };
    const remaining = () =>
      ctx.twilio.proxy.services(ref.serviceSid).sessions(ref.sessionSid).interactions.list().toArray();
    return { ...info, ref, remaining };
  }
  /** SID → how many DELETEs Twilio answered 204 for it. */
  function successfulDeletes(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of ctx.emulator.requests()) {
      if (request.operation !== DELETE || request.status !== 204) continue;
      const sid = request.url.split("/").pop()!;
      counts.set(sid, (counts.get(sid) ?? 0) + 1);
    }
    return counts;
  }

  it("deletes all 500 interactions through a 429 storm and dropped connections, each exactly once", async () => {
    const { ref, interactionSids, remaining } = session(500);
    ctx.emulator.fail({ operation: DELETE, status: 429, retryAfterSeconds: 0, times: 60 });
    ctx.emulator.fail({ operation: DELETE, drop: true, times: 5 });
    const progress: CleanupProgress[] = [];
    const summary = await cleanupProxySession(ctx.twilio, ref, {
      concurrency: 6,
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toMatchObject({
      dryRun: false,
      aborted: false,
      listed: 500,
      rateLimited: 60,
      failed: [],
      pending: [],
    });
    expect([...summary.deleted].sort()).toEqual([...interactionSids].sort());
    expect(summary.alreadyGone).toEqual([]);
    expect(await remaining()).toEqual([]);
    const deletes = successfulDeletes();
    expect(deletes.size).toBe(500);
    expect([...deletes.values()].every((n) => n === 1)).toBe(true);
    expect(progress.at(-1)).toEqual({ listed: 500, matched: 500, deleted: 500, failed: 0, rateLimited: 60 });
    expect(progress.map((p) => p.deleted)).toEqual([...progress.map((p) => p.deleted)].sort((a, b) => a - b));
  });

  it("waits out a 429's Retry-After before sending again", async () => {
    const { ref } = session(3);
    ctx.emulator.fail({ operation: DELETE, status: 429, retryAfterSeconds: 1 });
    const summary = await cleanupProxySession(ctx.twilio, ref, { concurrency: 1 });
    expect(summary.deleted).toHaveLength(3);
    const deletes = ctx.emulator.requests().filter((r) => r.operation === DELETE);
    expect(deletes.map((r) => r.status)).toEqual([429, 204, 204, 204]);
    expect(Date.parse(deletes[1]!.at) - Date.parse(deletes[0]!.at)).toBeGreaterThanOrEqual(990);
  });

  it("deletes only what the filter keeps", async () => {
    const { ref, remaining } = session(40);
    const before = await remaining();
    const summary = await cleanupProxySession(ctx.twilio, ref, { filter: (i) => i.type === "message" });
    const messages = before.filter((i) => i.type === "message").map((i) => i.sid);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThan(40);
    expect(summary.deleted).toEqual(expect.arrayContaining(messages));
    expect(summary.deleted).toHaveLength(messages.length);
    expect((await remaining()).map((i) => i.sid)).toEqual(before.filter((i) => i.type !== "message").map((i) => i.sid));
  });

  it("in a dry run, reports what would go and deletes nothing", async () => {
    const { ref, interactionSids, remaining } = session(30);
    const summary = await cleanupProxySession(ctx.twilio, ref, { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, listed: 30, deleted: [], pending: [] });
    expect(summary.matched).toEqual(interactionSids);
    expect(await remaining()).toHaveLength(30);
    expect(ctx.emulator.requests().some((r) => r.operation === DELETE)).toBe(false);
  });

  it("stops on abort with the rest pending, and a resumed run finishes: nothing twice, nothing skipped", async () => {
    const { ref, interactionSids, remaining } = session(120);
    const controller = new AbortController();
    const first = await cleanupProxySession(ctx.twilio, ref, {
      signal: controller.signal,
      onProgress: ({ deleted }) => deleted >= 40 && controller.abort(),
    });
    expect(first.aborted).toBe(true);
    expect(first.pending.length).toBeGreaterThan(0);
    expect(first.deleted.length + first.pending.length).toBe(120);
    const second = await cleanupProxySession(ctx.twilio, ref, { resume: first.pending });
    expect(second).toMatchObject({ aborted: false, listed: 0, failed: [], pending: [] });
    expect([...first.deleted, ...second.deleted, ...second.alreadyGone].sort()).toEqual([...interactionSids].sort());
    expect(await remaining()).toEqual([]);
    expect([...successfulDeletes().values()].every((n) => n === 1)).toBe(true);
  });

  it("reports interactions it gave up on after maxAttempts server errors, which a second run then deletes", async () => {
    const { ref, remaining } = session(5);
    ctx.emulator.fail({ operation: DELETE, status: 500, times: 4 });
    const first = await cleanupProxySession(ctx.twilio, ref, { concurrency: 1, maxAttempts: 2 });
    expect(first.failed).toHaveLength(2);
    expect(first.failed.every(({ error }) => error instanceof InternalServerError)).toBe(true);
    expect(first.deleted.length + first.failed.length).toBe(5);
    const second = await cleanupProxySession(ctx.twilio, ref);
    expect(second.deleted.map(String).sort()).toEqual(first.failed.map((f) => String(f.sid)).sort());
    expect(await remaining()).toEqual([]);
  });

  it("refuses a concurrency below 1 before sending anything", async () => {
    const { ref } = session(1);
    await expect(cleanupProxySession(ctx.twilio, ref, { concurrency: 0 })).rejects.toThrow(/concurrency/);
    expect(ctx.emulator.requests()).toEqual([]);
  });
});

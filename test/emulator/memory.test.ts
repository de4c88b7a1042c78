// Bounded memory (issue 19): the request log keeps a prefix of each body and
// its size, under an overall budget, so huge refused bodies leave nothing
// behind once answered. Measured as live heap after a full collection.
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { type Emulator, createEmulator } from "twilio-interactions/testing";
import { LOGGED_BODY_CHARS, LOG_BUDGET_CHARS } from "../../src/testing/limits";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MB = 1_000_000;

function liveHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function post(emulator: Emulator, body: string): Promise<Response> {
  const { accountSid, authToken } = emulator.credentials;
  return emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body,
  });
}

describe("the emulator's memory", () => {
  it("comes back after huge refused bodies: the log keeps a prefix and the size", async () => {
    const emulator = createEmulator({ maxBodyBytes: 16 * MB });
    await (await post(emulator, "Warm=up")).text();
    const before = liveHeap();
    for (let i = 0; i < 4; i++) {
      // 8 MB each, under the raised cap, refused 400 (no Channel); each string is fresh and dropped after.
      const response = await post(emulator, `Pad${i}=${"x".repeat(8 * MB)}`);
      expect(response.status).toBe(400);
      await response.text();
    }
    const grown = liveHeap() - before;
    expect(grown).toBeLessThan(2 * MB);
    const logged = emulator.requests().slice(1);
    expect(logged.map((r) => [r.status, r.bodyBytes, r.body.length, r.params])).toEqual(
      Array.from({ length: 4 }, () => [400, 8 * MB + 5, LOGGED_BODY_CHARS, null]),
    );
  });

  it("keeps the log under its budget, dropping the oldest entries", async () => {
    const emulator = createEmulator();
    const body = `Pad=${"x".repeat(70_000)}`;
    let last = "";
    for (let i = 0; i < 100; i++) {
      const response = await post(emulator, body);
      last = response.headers.get("twilio-request-id")!;
      await response.text();
    }
    const logged = emulator.requests();
    const held = logged.reduce(
      (sum, r) =>
        sum +
        r.url.length +
        2 * r.body.length +
        Object.entries(r.headers).reduce((n, [k, v]) => n + k.length + v.length, 0),
      0,
    );
    expect(logged.length).toBeLessThan(100);
    expect(held).toBeLessThanOrEqual(LOG_BUDGET_CHARS);
    // The newest are the ones kept.
    expect(logged.at(-1)!.requestId).toBe(last);
    expect(logged.length).toBeGreaterThan(LOG_BUDGET_CHARS / (2 * LOGGED_BODY_CHARS + 1000) - 1);
  });
});

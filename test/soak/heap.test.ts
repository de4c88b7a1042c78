// 100,000 sequential requests through one client leave the heap where it was:
// nothing per request is retained (listeners, timers, responses, pages).
// Heap growth is measured after forced garbage collection and printed; only
// the stated bound is asserted, not the time taken.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInteractionsClient, unwrap } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, startServer } from "../helpers/server";

const REQUESTS = 100_000;
const WARM_UP = 2_000;
/** Allowed heap growth over the 100,000 requests: about 100 bytes per request would already exceed it. */
const BOUND_MB = 10;

// The worker does not run with --expose-gc: turn the flag on and fetch gc()
// from a fresh context, where V8 now installs it.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

describe("100,000 sequential requests", () => {
  let server: TestServer;
  const BODY = JSON.stringify({ sid: INTERACTION_SID });
  beforeAll(async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": BODY.length }).end(BODY);
    });
  });
  afterAll(() => server.close());

  it(`grow the heap by less than ${BOUND_MB} MB`, async () => {
    const client = createInteractionsClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrls: { flex: server.url },
      maxRetries: 0,
      logger: {}, // the logging path runs too, with nothing to keep lines
    });
    const fetchOne = () =>
      unwrap(client.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } }));
    for (let i = 0; i < WARM_UP; i++) await fetchOne();
    server.requests.length = 0; // the test server records requests; the SDK must not
    const before = await settledHeap();
    const started = performance.now();
    // Growth after each quarter: a leak shows as a steady climb, noise does not.
    const quarters: string[] = [];
    for (let i = 1; i <= REQUESTS; i++) {
      const data = await fetchOne();
      if (data.sid !== INTERACTION_SID) throw new Error(`request ${i} got ${JSON.stringify(data)}`);
      if (i % 1_000 === 0) server.requests.length = 0;
      if (i % (REQUESTS / 4) === 0) quarters.push(mb((await settledHeap()) - before));
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await settledHeap();
    const growth = (after - before) / 2 ** 20;
    console.log(
      `${REQUESTS} sequential requests in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds)}/s); ` +
        `heap ${mb(before)} -> ${mb(after)}, growth after each 25,000: ${quarters.join(", ")} (bound ${BOUND_MB} MB)`,
    );
    expect(growth).toBeLessThan(BOUND_MB);
  }, 600_000);
});

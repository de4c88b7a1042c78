// Retries, timeouts and aborts against a real server: what is retried and
// what is not (a POST that may have reached Twilio is never sent twice),
// Retry-After, per-attempt timeouts under heap churn, and immediate aborts.
// Waits are checked as the client chose them (its log), and timeouts and
// Retry-After dates on a fake clock, so a busy machine changes no outcome.
import { createServer } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  InternalServerError,
  RateLimitError,
  TwilioAbortError,
  TwilioConnectionError,
  TwilioTimeoutError,
  createInteractionsClient,
  unwrap,
} from "twilio-interactions";
import { advance, loggedWaits, until, useFakeClock } from "../helpers/fake-clock";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../helpers/fixtures";
import { type Handler, type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

// What every client of these tests logged: the retry waits it chose.
let logLines: string[] = [];
beforeEach(() => {
  logLines = [];
});
const waits = () => loggedWaits(logLines);
const record = (message: string) => void logLines.push(message);

const client = (options: Record<string, unknown> = {}) =>
  createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: server.url },
    logger: { warn: record, debug: record },
    ...options,
  });
const get = (twilio = client(), init: Record<string, unknown> = {}) =>
  twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } }, ...init });
const post = (twilio = client(), init: Record<string, unknown> = {}) =>
  twilio.flex.POST("/v1/Interactions/{Sid}", {
    params: { path: { Sid: INTERACTION_SID } },
    body: { WebhookTtid: "flex_interactionwebhook_0" },
    ...init,
  });

/** Answers with the given statuses in turn, then 200. */
function sequence(...steps: (number | Handler)[]): void {
  let call = 0;
  server.reset((req, res, raw) => {
    const step = steps[call++];
    if (typeof step === "function") return step(req, res, raw);
    if (step === undefined) return json(res, 200, { sid: INTERACTION_SID });
    json(res, step, { status: step, message: `status ${step}` });
  });
}

/** Never answers: the request stays with the server until the client gives up on it. */
const hold: Handler = () => {};

describe("retries", () => {
  it("a 500 on POST is sent once", async () => {
    sequence(500);
    const { error } = await post();
    expect(error?.status).toBe(500);
    expect(server.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("a 503 on GET is retried, with backoff, until it succeeds", async () => {
    sequence(503, 503);
    expect(await unwrap(get())).toEqual({ sid: INTERACTION_SID });
    expect(server.requests).toHaveLength(3);
    // 0.5 s then 1 s, each minus up to 25 % jitter.
    const [first, second] = waits();
    expect(waits()).toHaveLength(2);
    expect(first).toBeGreaterThanOrEqual(375);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(750);
    expect(second).toBeLessThanOrEqual(1000);
  });

  it("gives up after maxRetries and returns the last error", async () => {
    sequence(502, 502, 502, 502);
    const error = await unwrap(get(client({ maxRetries: 1 }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(2);
  });

  it("maxRetries: 0 disables retries, per client and per request", async () => {
    sequence(503, 503);
    expect((await get(client({ maxRetries: 0 }))).error?.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    sequence(503, 503);
    expect((await get(client(), { maxRetries: 0 })).error?.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("408 is retried for GET but not for POST", async () => {
    sequence(408);
    expect((await get()).data).toEqual({ sid: INTERACTION_SID });
    expect(server.requests).toHaveLength(2);
    sequence(408);
    expect((await post()).error?.status).toBe(408);
    expect(server.requests).toHaveLength(1);
  });

  it("a 429 with Retry-After: 1 waits a second, for POST too", async () => {
    sequence((_req, res) =>
      json(res, 429, { status: 429, message: "Too Many Requests", code: 20429 }, { "retry-after": "1" }),
    );
    expect(await unwrap(post())).toEqual({ sid: INTERACTION_SID });
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(waits()).toEqual([1000]);
  });

  it("a Retry-After over 60 s is ignored in favour of the backoff", async () => {
    sequence((_req, res) => json(res, 429, { status: 429, message: "slow down" }, { "retry-after": "3600" }));
    await unwrap(get());
    expect(server.requests).toHaveLength(2);
    expect(waits()).toHaveLength(1);
    expect(waits()[0]).toBeLessThanOrEqual(500);
  });

  it("a Retry-After HTTP date is waited for to the millisecond, on a fake clock", async () => {
    const restore = useFakeClock();
    try {
      // A whole second 1.5 to 2.5 s ahead of the (frozen) clock: an HTTP date has no milliseconds.
      const retryAt = Math.ceil((Date.now() + 1500) / 1000) * 1000;
      const date = new Date(retryAt).toUTCString();
      sequence((_req, res) => json(res, 429, { status: 429, message: "later" }, { "retry-after": date }));
      const outcome = unwrap(get());
      await until(() => waits().length === 1, "the retry wait");
      expect(waits()).toEqual([retryAt - Date.now()]);
      advance(waits()[0]! - 1);
      expect(server.requests).toHaveLength(1);
      advance(1);
      expect(await outcome).toEqual({ sid: INTERACTION_SID });
      expect(server.requests).toHaveLength(2);
    } finally {
      restore();
    }
  });

  it("a 429 that persists becomes a RateLimitError", async () => {
    sequence(429, 429, 429);
    await expect(unwrap(get(client({ maxRetries: 1 })))).rejects.toBeInstanceOf(RateLimitError);
  });
});

describe("connection failures", () => {
  it("a reset before the response is retried for GET and not for POST", async () => {
    const reset: Handler = (_req, res) => res.socket?.destroy();
    sequence(reset);
    expect((await get()).data).toEqual({ sid: INTERACTION_SID });
    expect(server.requests).toHaveLength(2);

    sequence(reset);
    const error = (await post().catch((e: unknown) => e)) as TwilioConnectionError;
    expect(error).toBeInstanceOf(TwilioConnectionError);
    expect(error.message).toMatch(new RegExp(`^POST ${server.url}/v1/Interactions/${INTERACTION_SID} failed: `));
    expect(server.requests).toHaveLength(1);
  });

  it("a refused connection is retried even for POST, because nothing was sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    let attempts = 0;
    const counting = (url: string, init: RequestInit) => {
      attempts++;
      return fetch(url, init);
    };
    const twilio = client({ baseUrls: { flex: `http://127.0.0.1:${port}` }, fetch: counting, maxRetries: 1 });
    const error = (await post(twilio).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TwilioConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(attempts).toBe(2);
  });
});

describe("timeouts", () => {
  // Churns the heap and forces collections while requests wait, because on
  // Node 20 a timeout wired through a garbage-collected Request can silently
  // vanish (toolchain note 11).
  function churnHeap(): () => void {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    let junk: unknown[] = [];
    const timer = setInterval(() => {
      junk = Array.from({ length: 20_000 }, (_, i) => ({ i, s: `x${i}` }));
      gc();
    }, 10);
    return () => {
      clearInterval(timer);
      junk = [];
    };
  }

  // On a fake clock: the timeout fires only once the server holds the request, so a
  // request that is merely slow to arrive on a busy machine is never timed out by mistake.
  async function onFakeClock(work: () => Promise<void>): Promise<void> {
    const stop = churnHeap();
    const restore = useFakeClock();
    try {
      await work();
    } finally {
      restore();
      stop();
    }
  }
  const received = (n: number) => until(() => server.requests.length === n, `request ${n} at the server`);

  it("a server slower than timeoutMs gives TwilioTimeoutError, retried for GET", () =>
    onFakeClock(async () => {
      server.reset(hold);
      const outcome = get(client({ timeoutMs: 150, maxRetries: 1 })).catch((e: unknown) => e);
      await received(1);
      advance(150);
      await until(() => waits().length === 1, "the retry wait");
      expect(waits()[0]).toBeGreaterThanOrEqual(375);
      expect(waits()[0]).toBeLessThanOrEqual(500);
      advance(waits()[0]! - 1);
      expect(server.requests).toHaveLength(1);
      advance(1);
      await received(2);
      advance(150);
      const result = await outcome;
      expect(result).toBeInstanceOf(TwilioTimeoutError);
      expect((result as Error).message).toBe(
        `GET ${server.url}/v1/Interactions/${INTERACTION_SID} timed out after 150 ms.`,
      );
      expect(server.requests).toHaveLength(2);
    }));

  it("a timed-out POST is not retried", () =>
    onFakeClock(async () => {
      server.reset(hold);
      const outcome = post(client({ timeoutMs: 150 })).catch((e: unknown) => e);
      await received(1);
      advance(149);
      expect(logLines.some((line) => line.includes("timed out"))).toBe(false);
      advance(1);
      expect(await outcome).toBeInstanceOf(TwilioTimeoutError);
      expect(server.requests).toHaveLength(1);
      expect(logLines.filter((line) => /\(attempt \d+ of \d+\)$/.test(line))).toHaveLength(1);
      expect(waits()).toEqual([]);
    }));

  it("a body that stalls after the headers times out too", async () => {
    server.reset((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"sid":');
    });
    const error = await get(client({ maxRetries: 0 }), { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioTimeoutError);
  });
});

describe("aborts", () => {
  it("an already aborted signal sends nothing", async () => {
    server.reset((_req, res) => json(res, 200, {}));
    await expect(get(client(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(TwilioAbortError);
    expect(server.requests).toEqual([]);
  });

  it("aborting a slow request stops it at once", async () => {
    // The server never answers and the client's timeout is far off: only the abort can end the call.
    server.reset(hold);
    const controller = new AbortController();
    const outcome = get(client({ timeoutMs: 600_000 }), { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => server.requests.length === 1, "the request at the server");
    controller.abort(new Error("user gave up"));
    const result = await outcome;
    expect(result).toBeInstanceOf(TwilioAbortError);
    expect((result as Error).cause).toEqual(new Error("user gave up"));
  });

  it("aborting during a retry wait stops at once", async () => {
    // A 30 s wait: only the abort can end the call within the test's time.
    sequence((_req, res) => json(res, 429, { status: 429, message: "later" }, { "retry-after": "30" }));
    const controller = new AbortController();
    const outcome = get(client(), { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => waits().length === 1, "the retry wait");
    expect(waits()).toEqual([30_000]);
    controller.abort();
    expect(await outcome).toBeInstanceOf(TwilioAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

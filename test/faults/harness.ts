// Runs a table of fault cases against real loopback servers, once per test
// credential, and checks every case the same way: attempts the client made and
// requests the server saw, the outcome (error type and message, or data), the
// retry waits the client chose, and that no credential leaked anywhere.
//
// Nothing here reads a clock against a bound that a busy machine could miss:
// the waits are the ones the client logged (its decision, exact), and the only
// timing checked at the server is that each retry came no sooner than its wait.
// Cases with a timeout run one at a time on a fake clock, moved only once the
// server holds the request the client waits on, so a request that is merely
// slow to arrive on a busy machine is never timed out by mistake.
import { describe, type ExpectStatic, it } from "vitest";
import {
  type InteractionsClient,
  type InteractionsClientOptions,
  type TwilioError,
  createInteractionsClient,
  unwrap,
} from "twilio-interactions";
import { advance, loggedWaits, until, useFakeClock } from "../helpers/fake-clock";
import { CALLS, type CallName } from "./calls";
import { type FaultServer, type ScenarioName, refusingUrl, startFaultServer } from "./fault-server";
import { CREDENTIALS, type Credential, Evidence, basicAuthorization } from "./leak-check";

/**
 * Taken from a wait when it is compared with the gap the server measured:
 * Date.now() has millisecond resolution on both sides of the gap, and libuv's
 * cached loop time may run a millisecond or so behind it.
 */
const EARLY_MS = 5;

/**
 * The client's own timeout in cases that set none: far above any exchange on
 * a saturated machine, and below the test's timeout, so a client that waits
 * where it should fail at once ends in a wrong error rather than a hang.
 */
const DEFAULT_TIMEOUT_MS = 100_000;

/** Bounds of a retry wait the client chose, in milliseconds, both inclusive. */
export type Bounds = readonly [min: number, max: number];

/** The bounds of one backoff wait without Retry-After (1-based): 0.5 s doubling, minus up to 25 % jitter. */
export function retryWait(retry: number): Bounds {
  const max = Math.min(500 * 2 ** (retry - 1), 8000);
  return [Math.round(max * 0.75), max];
}

/** The bounds of the first `retries` backoff waits, in order. */
export function backoff(retries: number): Bounds[] {
  return Array.from({ length: retries }, (_, i) => retryWait(i + 1));
}

export interface Servers {
  /** Base URL of the configured origin. */
  origin: string;
  /** Base URL of the other origin that redirects and next-page URLs point to. */
  foreign: string;
}

type ErrorClass = abstract new (...args: never[]) => TwilioError;

export interface FaultCase {
  name: string;
  /** What the configured origin does; "connection refused" points the client at a closed port. */
  scenario: ScenarioName | "connection refused";
  call: CallName;
  maxRetries?: number;
  /** The client's timeout; a case that sets one runs on a fake clock (see {@link driveTimeouts}). */
  timeoutMs?: number;
  /** Other client options, such as maxResponseBytes. */
  options?: InteractionsClientOptions;
  /** Requests the origin must receive (attempts, for "connection refused"). */
  requests: number;
  /** The call must throw exactly this class, with this message. */
  error?: { type: ErrorClass; message: (s: Servers) => string | RegExp };
  /** Or succeed with this data. */
  data?: unknown;
  /** Items a list call must yield before it ends or throws. */
  items?: number;
  /** The waits the client must choose before its retries, in order, as its logger reports them (none by default). */
  waitsMs?: readonly Bounds[];
  /** Extra checks on the run. */
  check?: (run: Run, expect: ExpectStatic) => void;
}

export interface Run {
  data?: unknown;
  error?: unknown;
  items: unknown[];
  origin: FaultServer;
  foreign: FaultServer;
  evidence: Evidence;
}

async function play(c: FaultCase, credential: Credential): Promise<Run> {
  const foreign = await startFaultServer();
  const origin = await startFaultServer(c.scenario === "connection refused" ? undefined : c.scenario, foreign.url);
  const baseUrl = c.scenario === "connection refused" ? await refusingUrl() : origin.url;
  const evidence = new Evidence();
  const client: InteractionsClient = createInteractionsClient({
    ...credential.options,
    baseUrls: { flex: baseUrl, proxy: baseUrl },
    maxRetries: c.maxRetries ?? 0,
    timeoutMs: c.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...c.options,
    logger: evidence.logger,
  });
  const run: Run = { items: [], origin, foreign, evidence };
  const call = (async () => {
    const result = await CALLS[c.call].run(client, run.items);
    if (result) {
      evidence.result(result);
      run.data = await unwrap(result);
    }
  })().catch((error: unknown) => {
    run.error = error;
  });
  try {
    if (c.timeoutMs === undefined) await call;
    else await driveTimeouts(call, c.timeoutMs, origin, evidence);
  } finally {
    await Promise.all([origin.close(), foreign.close()]);
  }
  evidence.error(run.error);
  evidence.requests("requests received by the other origin", foreign.requests);
  return run;
}

/**
 * Runs `call` to its end on the fake clock: each time the client logs a retry
 * wait, the clock moves by that wait; each time the server holds one more request, it moves by the
 * client's timeout. Nothing else moves it, so the first page of a list is
 * never timed out however slowly it travels.
 */
async function driveTimeouts(call: Promise<void>, timeoutMs: number, origin: FaultServer, evidence: Evidence) {
  let done = false;
  void call.finally(() => (done = true));
  let waited = 0;
  let timedOut = 0;
  while (!done) {
    await until(
      () => done || loggedWaits(evidence.logLines).length > waited || origin.held() > timedOut,
      "the client to wait, or the server to hold a request",
    );
    const waits = loggedWaits(evidence.logLines);
    if (waits.length > waited) {
      advance(waits[waited++]!);
    } else if (origin.held() > timedOut) {
      timedOut++;
      advance(timeoutMs);
    }
  }
  await call;
}

function checkRun(c: FaultCase, credential: Credential, run: Run, expect: ExpectStatic): void {
  const { origin, foreign, evidence } = run;
  const servers = { origin: c.scenario === "connection refused" ? "" : origin.url, foreign: foreign.url };
  const call = CALLS[c.call];

  // The credential appears nowhere it should not, and nothing went to the other origin.
  expect(evidence.leaks()).toEqual([]);
  expect(foreign.requests).toEqual([]);

  // Exactly the expected attempts, as the client logged them; each request the origin received
  // is the same call with the configured credential.
  const attempts = evidence.logLines.filter((line) => / \(attempt \d+ of \d+\)$/.test(line));
  expect(attempts).toHaveLength(c.requests);
  if (c.scenario !== "connection refused") {
    expect(origin.requests.map((r) => `${r.method} ${new URL(r.url, origin.url).pathname}`)).toEqual(
      Array(c.requests).fill(`${call.method} ${call.path}`),
    );
    for (const request of origin.requests) {
      expect(request.headers.authorization).toBe(basicAuthorization(credential));
      expect(request.body).toBe(origin.requests[0]!.body);
    }
  }

  if (c.error) {
    expect(run.error).toBeInstanceOf(c.error.type);
    expect((run.error as Error).constructor).toBe(c.error.type);
    const message = c.error.message(servers);
    if (typeof message === "string") expect((run.error as Error).message).toBe(message);
    else expect((run.error as Error).message).toMatch(message);
  } else {
    expect(run.error).toBeUndefined();
    expect(run.data).toEqual(c.data);
  }
  if (c.items !== undefined) expect(run.items).toHaveLength(c.items);

  // The waits the client chose, exactly within their bounds; and at the server (on the
  // machine's clock), each retry arrived no sooner than its wait: a busy machine only makes
  // the gap longer. On the fake clock, driveTimeouts checked that instead.
  const waits = loggedWaits(evidence.logLines);
  const expected = c.waitsMs ?? [];
  expect(waits).toHaveLength(expected.length);
  expected.forEach(([min, max], i) => {
    expect(waits[i]).toBeGreaterThanOrEqual(min);
    expect(waits[i]).toBeLessThanOrEqual(max);
  });
  if (c.timeoutMs === undefined && c.scenario !== "connection refused" && c.call !== "list") {
    const gaps = origin.arrivals.slice(1).map((at, i) => at - origin.arrivals[i]!);
    expect(gaps).toHaveLength(waits.length);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(waits[i]! - EARLY_MS));
  }
  c.check?.(run, expect);
}

/**
 * One test per case and credential, each with its own servers: all at once on
 * the machine's clock (their waits overlap), and one at a time on the fake
 * clock for cases with a timeout.
 */
export function describeFaults(title: string, cases: readonly FaultCase[]): void {
  const timed = cases.filter((c) => c.timeoutMs !== undefined);
  const untimed = CREDENTIALS.flatMap((credential) =>
    cases.filter((c) => c.timeoutMs === undefined).map((c) => ({ ...c, credential, label: credential.label })),
  );
  describe(title, () => {
    it.concurrent.for(untimed)("$label: $name", async ({ credential, ...c }, { expect }) => {
      checkRun(c, credential, await play(c, credential), expect);
    });
    for (const credential of CREDENTIALS) {
      if (!timed.length) continue;
      describe(credential.label, () => {
        it.for(timed)("$name (fake clock)", async (c, { expect }) => {
          const restore = useFakeClock();
          try {
            checkRun(c, credential, await play(c, credential), expect);
          } finally {
            restore();
          }
        });
      });
    }
  });
}

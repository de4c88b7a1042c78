// Runs a table of fault cases against real loopback servers, once per test
// credential, and checks every case the same way: requests the server saw,
// the outcome (error type and message, or data), elapsed time, waits between
// retries, and that no credential leaked anywhere.
import { describe, type ExpectStatic, it } from "vitest";
import {
  type InteractionsClient,
  type InteractionsClientOptions,
  type TwilioError,
  createInteractionsClient,
  unwrap,
} from "twilio-interactions";
import { CALLS, type CallName } from "./calls";
import { type FaultServer, type ScenarioName, refusingUrl, startFaultServer } from "./fault-server";
import { CREDENTIALS, type Credential, Evidence, basicAuthorization } from "./leak-check";

/** Added to every upper time bound: the machine is shared, so only lower bounds are tight. */
export const SLACK_MS = 2000;
/**
 * Taken from every lower time bound: libuv schedules timers from its cached
 * loop time, so a timer can fire a millisecond or so early by performance.now().
 */
export const EARLY_MS = 5;

/** Bounds of a wait or duration, in milliseconds (SLACK_MS is added to the upper one when checked). */
export type Bounds = readonly [min: number, max: number];

/** Total backoff of `retries` retries without Retry-After: 0.5 s doubling, minus up to 25 % jitter. */
export function backoff(retries: number): Bounds {
  let max = 0;
  for (let i = 0; i < retries; i++) max += Math.min(500 * 2 ** i, 8000);
  return [max * 0.75, max];
}

/** The bounds of one retry wait (1-based). */
export function retryWait(retry: number): Bounds {
  const max = Math.min(500 * 2 ** (retry - 1), 8000);
  return [max * 0.75, max];
}

export function plus(...parts: (Bounds | number)[]): Bounds {
  return parts.reduce<Bounds>(
    (sum, part) => (typeof part === "number" ? [sum[0] + part, sum[1] + part] : [sum[0] + part[0], sum[1] + part[1]]),
    [0, 0],
  );
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
  elapsedMs: Bounds;
  /** Waits between consecutive requests, measured at the server. */
  gapsMs?: readonly Bounds[];
  /** Extra checks on the run. */
  check?: (run: Run, expect: ExpectStatic) => void;
}

export interface Run {
  data?: unknown;
  error?: unknown;
  items: unknown[];
  elapsedMs: number;
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
    timeoutMs: c.timeoutMs ?? 5000,
    ...c.options,
    logger: evidence.logger,
  });
  const run: Run = { items: [], elapsedMs: 0, origin, foreign, evidence };
  const started = performance.now();
  try {
    const result = await CALLS[c.call].run(client, run.items);
    if (result) {
      evidence.result(result);
      run.data = await unwrap(result);
    }
  } catch (error) {
    run.error = error;
  } finally {
    run.elapsedMs = performance.now() - started;
    await Promise.all([origin.close(), foreign.close()]);
  }
  evidence.error(run.error);
  evidence.requests("requests received by the other origin", foreign.requests);
  return run;
}

function checkRun(c: FaultCase, credential: Credential, run: Run, expect: ExpectStatic): void {
  const { origin, foreign, evidence } = run;
  const servers = { origin: c.scenario === "connection refused" ? "" : origin.url, foreign: foreign.url };
  const call = CALLS[c.call];

  // The credential appears nowhere it should not, and nothing went to the other origin.
  expect(evidence.leaks()).toEqual([]);
  expect(foreign.requests).toEqual([]);

  // Exactly the expected requests, each the same call with the configured credential.
  if (c.scenario === "connection refused") {
    expect(evidence.logLines.filter((line) => / \(attempt \d+ of \d+\)$/.test(line))).toHaveLength(c.requests);
  } else {
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

  expect(run.elapsedMs).toBeGreaterThanOrEqual(c.elapsedMs[0] - EARLY_MS);
  expect(run.elapsedMs).toBeLessThanOrEqual(c.elapsedMs[1] + SLACK_MS);
  if (c.gapsMs) {
    const gaps = origin.arrivals.slice(1).map((at, i) => at - origin.arrivals[i]!);
    expect(gaps).toHaveLength(c.gapsMs.length);
    c.gapsMs.forEach(([min, max], i) => {
      // Date.now() has millisecond resolution on both sides of a gap, and timers may fire early.
      expect(gaps[i]).toBeGreaterThanOrEqual(min - EARLY_MS);
      expect(gaps[i]).toBeLessThanOrEqual(max + SLACK_MS);
    });
  }
  c.check?.(run, expect);
}

/** One concurrent test per case and credential; each starts its own servers. */
export function describeFaults(title: string, cases: readonly FaultCase[]): void {
  describe.concurrent(title, () => {
    for (const credential of CREDENTIALS) {
      describe(credential.label, () => {
        it.for(cases)("$name", async (c, { expect }) => {
          const run = await play(c, credential);
          checkRun(c, credential, run, expect);
        });
      });
    }
  });
}

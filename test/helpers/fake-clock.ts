// A fake clock for tests whose subject is time (timeouts, retry waits,
// Retry-After dates): the SDK's timers are vitest's fake ones and move only
// when the test says so, while sockets and servers run on the machine as
// usual. A test moves the clock once it has seen what the client waits for,
// so a busy machine can delay the run but never change its outcome.
import { setTimeout as pause } from "node:timers/promises";
import { vi } from "vitest";

/**
 * Fakes `setTimeout`, `clearTimeout` and `Date` together (the SDK's time
 * limits arm one timer and compare `Date.now()` with their deadlines) until
 * the returned function is called. With `running: true` the fake clock also
 * moves by itself, a millisecond at a time, for code that needs no gate; its
 * timers still never fire before their time by its `Date.now()`, as the
 * machine's can by libuv's cached loop time. Only for tests that run one at a
 * time: the fake clock is the worker's.
 */
export function useFakeClock(options: { running?: boolean } = {}): () => void {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "Date"],
    shouldAdvanceTime: options.running ?? false,
    advanceTimeDelta: 1,
  });
  return () => vi.useRealTimers();
}

/** Moves the fake clock by `ms`, firing the timers due on the way. */
export function advance(ms: number): void {
  vi.advanceTimersByTime(ms);
}

/**
 * Resolves once `condition()` holds, looking every millisecond or two of real
 * time (the machine's own timers, which the fake clock leaves alone). Gives up
 * after 20 s, far beyond any wait on a saturated machine, naming `what`.
 */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 10_000) throw new Error(`gave up waiting for ${what}`);
    await pause(2);
  }
}

/** The retry waits a client logged ("retrying in N ms"), in order. */
export function loggedWaits(lines: readonly string[]): number[] {
  return lines.flatMap((line) => /[Rr]etrying in (\d+) ms/.exec(line)?.[1] ?? []).map(Number);
}

// Polling with backoff, bounded by a deadline and an AbortSignal: the one
// loop behind every flow that waits for Twilio to reach a state.
import { TwilioAbortError } from "../errors";
import { sleep } from "../transport";
import { FlowTimeoutError } from "./errors";

/**
 * How long a waiting flow polls, and how often.
 *
 * @example
 * ```ts
 * await waitForChannel(twilio, interaction, { timeoutMs: 10_000, initialDelayMs: 500, signal });
 * ```
 */
export interface PollOptions {
  /** Give up after this many milliseconds (default 30 000) with a `FlowTimeoutError`. */
  timeoutMs?: number;
  /** Stop waiting (and cancel the request in flight) with a `TwilioAbortError`. */
  signal?: AbortSignal;
  /** First pause between two checks (default 250 ms); it doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest pause between two checks (default 4 000 ms). */
  maxDelayMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Calls `check` until it returns a value, pausing with exponential backoff
 * between calls. `check` gets a signal that fires at the deadline or on the
 * caller's abort; its errors end the wait. `waiting` names what is awaited in
 * the timeout message.
 */
export async function poll<T>(
  check: (signal: AbortSignal) => Promise<T | undefined>,
  options: PollOptions,
  waiting: () => string,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxDelayMs = options.maxDelayMs ?? 4_000;
  // One signal for the deadline and the caller's abort, without AbortSignal.any (missing on some runtimes).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener("abort", forward, { once: true });
  try {
    for (let delay = options.initialDelayMs ?? 250; ; delay = Math.min(delay * 2, maxDelayMs)) {
      const value = await check(controller.signal);
      if (value !== undefined) return value;
      await sleep(delay, controller.signal, waiting);
    }
  } catch (error) {
    // The deadline surfaces as an abort of the request or the pause; report it as the timeout it is.
    if (timedOut && error instanceof TwilioAbortError) {
      throw new FlowTimeoutError(timeoutMs, `Gave up after ${timeoutMs} ms waiting for ${waiting()}.`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forward);
  }
}

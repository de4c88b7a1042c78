// The emulator's clock: the real time plus whatever `advance()` added, so a
// test can jump 181 days ahead without waiting.

/**
 * A span of emulated time for `advance()`.
 *
 * @example
 * ```ts
 * emulator.advance({ days: 180, seconds: 1 });
 * ```
 */
export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

const UNIT_MS: Record<keyof Duration, number> = {
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

/** Milliseconds in a duration; throws a TypeError on anything but non-negative finite numbers. */
export function durationMs(duration: Duration): number {
  if (typeof duration !== "object" || duration === null)
    throw new TypeError("advance() takes { days, hours, minutes, seconds, milliseconds }.");
  let total = 0;
  for (const [unit, value] of Object.entries(duration)) {
    const factor = UNIT_MS[unit as keyof Duration];
    if (factor === undefined)
      throw new TypeError(
        `advance() got an unknown unit "${unit}"; use days, hours, minutes, seconds or milliseconds.`,
      );
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
      throw new TypeError(`advance({ ${unit} }) must be a non-negative number, not ${String(value)}.`);
    total += value * factor;
  }
  return total;
}

// Times held in every record (task dates, channel expiry), as milliseconds since this module loaded:
// small integers V8 keeps inline in the record, where epoch milliseconds take a 16-byte number each.
const EPOCH_MS = Date.now();
/** A time, as records hold it; {@link timeOf} reads it back. */
export function stampOf(ms: number): number {
  const stamp = ms - EPOCH_MS;
  // `| 0` hands V8 a small integer; the bare difference would be a boxed double with an integral value.
  return stamp === (stamp | 0) ? stamp | 0 : stamp;
}
/** The epoch milliseconds of a {@link stampOf} stamp. */
export const timeOf = (stamp: number): number => stamp + EPOCH_MS;

export class Clock {
  #offsetMs = 0;

  /** Emulated now, in epoch milliseconds. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}

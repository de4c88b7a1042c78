// Deterministic identifiers: the same seed and the same calls give the same
// SIDs, so a test can pin them; another seed gives fresh ones. Each is typed
// by its prefix, so what the emulator hands out flows into the client.
import type { Restorable } from "./journal";

/**
 * A SID typed by its two-letter prefix: the same type as the SDK's `Sid`
 * (`` `KD${string}` `` is `Sid<"KD">` in both), declared again here so the
 * emulator's declarations stand alone, importing nothing from the SDK's.
 *
 * @example
 * ```ts
 * const { serviceSid }: { serviceSid: Sid<"KS"> } = emulator.proxySession();
 * ```
 */
export type Sid<Prefix extends string> = `${Prefix}${string}`;

const HEX = [..."0123456789abcdef"].map((c) => c.charCodeAt(0));
// mulberry32's step between two numbers of a stream.
const STEP = 0x6d2b79f5;
// The char codes of one SID (a two-letter prefix and 32 digits), reused: a SID is made on most requests.
const SID_CODES = new Array<number>(34).fill(0);

const streamStart = (seed: number, stream: number) => (Math.imul(seed, 0x9e3779b1) ^ stream) >>> 0;

/**
 * `prefix` and `digits` hex digits from the seeded pseudo-random stream (mulberry32) at `state`, one
 * number per 8 digits. One flat string from char codes, not a rope of concatenated pieces: that matters
 * when an emulator holds hundreds of thousands of SIDs.
 */
function draw(prefix: string, digits: number, state: number): string {
  const length = prefix.length + digits;
  const codes = length === SID_CODES.length ? SID_CODES : new Array<number>(length);
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  let word = 0;
  for (let i = 0; i < digits; i++) {
    if (i % 8 === 0) {
      state = (state + STEP) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      word = (t ^ (t >>> 14)) >>> 0;
    }
    codes[prefix.length + i] = HEX[word & 15]!;
    word >>>= 4;
  }
  return String.fromCharCode(...codes);
}

/**
 * A SID that follows from another one (the Conversation of a channel, the
 * invite behind an interaction's task): as deterministic as its parent, and
 * computed when needed instead of held in memory.
 */
export function derivedSid<Prefix extends string>(prefix: Prefix, from: string): Sid<Prefix> {
  let hash = 0x811c9dc5;
  for (let i = 0; i < from.length; i++) hash = Math.imul(hash ^ from.charCodeAt(i), 0x01000193);
  return draw(prefix, 32, streamStart(hash ^ prefix.charCodeAt(0), prefix.charCodeAt(1))) as Sid<Prefix>;
}

/** Makes SIDs (`XX` + 32 hex digits) and other identifiers from one seed. */
export class SidFactory implements Restorable<number> {
  readonly #start: number;
  #state: number;

  constructor(seed: number, stream: number) {
    // Each stream (resources, request ids, credentials) has its own sequence.
    this.#start = streamStart(seed, stream);
    this.#state = this.#start;
  }

  /** Starts the sequence again from the seed. */
  rewind(): void {
    this.#state = this.#start;
  }

  /** Where the sequence is; {@link restore} takes it back there (a request that is undone draws no SID). */
  save(): number {
    return this.#state;
  }

  restore(state: number): void {
    this.#state = state;
  }

  hex(length: number): string {
    return this.#text("", length);
  }

  sid<Prefix extends string>(prefix: Prefix): Sid<Prefix> {
    return this.#text(prefix, 32) as Sid<Prefix>;
  }

  #text(prefix: string, digits: number): string {
    const text = draw(prefix, digits, this.#state);
    this.#state = (this.#state + Math.ceil(digits / 8) * STEP) >>> 0;
    return text;
  }
}

// Deterministic identifiers: the same seed and the same calls give the same
// SIDs, so a test can pin them; another seed gives fresh ones.

/** A seeded pseudo-random stream of 32-bit integers (mulberry32). */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Makes SIDs (`XX` + 32 hex digits) and other identifiers from one seed. */
export class SidFactory {
  readonly #start: number;
  #next: () => number;

  constructor(seed: number, stream: number) {
    // Each stream (resources, request ids, credentials) has its own sequence.
    this.#start = Math.imul(seed, 0x9e3779b1) ^ stream;
    this.#next = randomStream(this.#start);
  }

  /** Starts the sequence again from the seed. */
  rewind(): void {
    this.#next = randomStream(this.#start);
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += this.#next().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }

  sid(prefix: string): string {
    return prefix + this.hex(32);
  }
}

// Caps how many requests of one client are on the wire to one origin at a
// time: the rest wait in order, so thousands of concurrent calls share a
// bounded set of sockets instead of exhausting file descriptors.

/** A counting semaphore whose waiters can leave the queue when their signal aborts. */
export class ConcurrencyLimit {
  readonly #max: number;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number) {
    this.#max = max;
  }

  /** Resolves when a slot is free; rejects with the signal's reason if it aborts first. */
  acquire(signal: AbortSignal | undefined): Promise<void> | undefined {
    if (this.#active < this.#max) {
      this.#active++;
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal!.reason);
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      this.#waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /**
   * Frees a slot, handing it to the next waiter on a later turn of the event
   * loop: by then a fetch runtime has put the finished connection back in its
   * pool, so the waiter reuses it rather than opening another.
   */
  release(): void {
    if (this.#waiting.length === 0) {
      this.#active--;
      return;
    }
    setTimeout(() => {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }, 0);
  }
}

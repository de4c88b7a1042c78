// Makes each request all-or-nothing. While a request runs, every change to
// the emulator's state is recorded with a way to undo it, and the events it
// causes wait; if the request is refused or fails at any point (a rule only
// the handler can check, or a fault inside the emulator), the changes are
// undone in reverse order and the events dropped, so nothing of it remains:
// no record, no task, no SID drawn, no event, no webhook. Outside a request
// (the emulator's own methods), changes apply at once.

/** Something whose whole state can be saved and put back, such as a SID stream. */
export interface Restorable {
  /** Saves the state; the function returned puts it back. */
  save(): () => void;
}

export class Journal {
  #undo: (() => void)[] | null = null;
  #after: (() => void)[] = [];
  readonly #tracked: Restorable[] = [];

  /** Saves `target` at the start of every request, and restores it when one is undone. */
  track(target: Restorable): void {
    this.#tracked.push(target);
  }

  /** Runs `work` as one request: its changes stay and its events go out only if it returns. */
  run<T>(work: () => T): T {
    if (this.#undo) return work();
    const undo = this.#tracked.map((target) => target.save());
    this.#undo = undo;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.#undo = null;
      this.#after = [];
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
      throw error;
    }
    const after = this.#after;
    this.#undo = null;
    this.#after = [];
    for (const run of after) run();
    return result;
  }

  /** Runs `effect` once the request succeeds (at once outside a request). */
  afterCommit(effect: () => void): void {
    if (this.#undo) this.#after.push(effect);
    else effect();
  }

  /** Records how to undo a change about to be made. */
  onUndo(undo: () => void): void {
    this.#undo?.push(undo);
  }

  /**
   * Saves a record's own fields (and the items of its array fields) before
   * they change; undoing puts them back and removes fields added since.
   */
  keep<T extends object>(record: T): void {
    if (!this.#undo) return;
    const saved = new Map<string, unknown>();
    for (const [key, value] of Object.entries(record)) saved.set(key, Array.isArray(value) ? value.slice() : value);
    this.#undo.push(() => {
      const target = record as Record<string, unknown>;
      for (const key of Object.keys(target)) if (!saved.has(key)) delete target[key];
      for (const [key, value] of saved) target[key] = value;
    });
  }

  /** Adds `key` to `map`; undoing removes it again. */
  add<K, V>(map: Map<K, V>, key: K, value: V): void {
    map.set(key, value);
    this.onUndo(() => map.delete(key));
  }
}

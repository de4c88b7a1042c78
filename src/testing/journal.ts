// Makes each request all-or-nothing. While a request runs, every change to
// the emulator's state is recorded with a way to undo it, and the events it
// causes wait; if the request is refused or fails at any point (a rule only
// the handler can check, or a fault inside the emulator), the changes are
// undone in reverse order and the events dropped, so nothing of it remains:
// no record, no task, no SID drawn, no event, no webhook. Outside a request
// (the emulator's own methods), changes apply at once.

/** Something whose whole state can be saved and put back, such as a SID stream. */
export interface Restorable<State = unknown> {
  /** The state now, for {@link restore}. */
  save(): State;
  /** Puts back a state {@link save} returned. */
  restore(state: State): void;
}

// An undo step is three slots of the journal's log: what to undo and its two operands. Steps are
// recorded on every write a request makes and almost never undone, so recording one allocates
// nothing beyond the log's own slots (no closure per step).
const DELETE_KEY = 0; // a Map, the key added
const POP = 1; // an array, grown by one item
const PUT_BACK = 2; // a record, its fields as saved (a Map)
const CALL = 3; // a function that undoes the change
const RESTORE = 4; // a Restorable, its saved state

function undoStep(kind: unknown, target: unknown, operand: unknown): void {
  if (kind === DELETE_KEY) (target as Map<unknown, unknown>).delete(operand);
  else if (kind === POP) (target as unknown[]).pop();
  else if (kind === PUT_BACK) putBack(target as Record<string, unknown>, operand as Map<string, unknown>);
  else if (kind === CALL) (target as () => void)();
  else (target as Restorable).restore(operand);
}

function putBack(record: Record<string, unknown>, saved: Map<string, unknown>): void {
  for (const key of Object.keys(record)) if (!saved.has(key)) delete record[key];
  for (const [key, value] of saved) record[key] = value;
}

export class Journal {
  // The undo steps of the request running, or null outside a request.
  #log: unknown[] | null = null;
  #after: (() => void)[] = [];
  readonly #tracked: Restorable[] = [];

  /** Saves `target` at the start of every request, and restores it when one is undone. */
  track(target: Restorable): void {
    this.#tracked.push(target);
  }

  /** Runs `work` as one request: its changes stay and its events go out only if it returns. */
  run<T>(work: () => T): T {
    if (this.#log) return work();
    const log: unknown[] = [];
    for (const target of this.#tracked) log.push(RESTORE, target, target.save());
    this.#log = log;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.#log = null;
      if (this.#after.length > 0) this.#after = [];
      for (let i = log.length - 3; i >= 0; i -= 3) undoStep(log[i], log[i + 1], log[i + 2]);
      throw error;
    }
    this.#log = null;
    const after = this.#after;
    if (after.length > 0) {
      this.#after = [];
      for (const run of after) run();
    }
    return result;
  }

  /** Runs `effect` once the request succeeds (at once outside a request). */
  afterCommit(effect: () => void): void {
    if (this.#log) this.#after.push(effect);
    else effect();
  }

  /** Records how to undo a change about to be made. */
  onUndo(undo: () => void): void {
    this.#log?.push(CALL, undo, undefined);
  }

  /**
   * Saves a record's own fields (and the items of its array fields) before
   * they change; undoing puts them back and removes fields added since.
   */
  keep<T extends object>(record: T): void {
    if (!this.#log) return;
    const saved = new Map<string, unknown>();
    for (const [key, value] of Object.entries(record)) saved.set(key, Array.isArray(value) ? value.slice() : value);
    this.#log.push(PUT_BACK, record, saved);
  }

  /** Adds `key` to `map`; undoing removes it again. */
  add<K, V>(map: Map<K, V>, key: K, value: V): void {
    map.set(key, value);
    this.#log?.push(DELETE_KEY, map, key);
  }

  /** Appends `item` to `array`; undoing removes it again. */
  push<T>(array: T[], item: T): void {
    array.push(item);
    this.#log?.push(POP, array, undefined);
  }
}

// Scripted faults for users' own tests: the next N calls of an operation get
// a 429 with Retry-After, a 5xx, a delay, or a dropped connection.

/**
 * A fault to inject with `emulator.fail()`. Give `status` (429 or 5xx), or
 * `drop`, or only `delayMs` (the call then succeeds, late). `delayMs` may be
 * combined with either.
 *
 * @example
 * ```ts
 * emulator.fail({ operation: "CreateInteraction", status: 429, retryAfterSeconds: 1, times: 2 });
 * emulator.fail({ operation: "FetchInteractionChannel", drop: true });
 * emulator.fail({ operation: "*", delayMs: 5_000 });
 * ```
 */
export interface Fault {
  /** operationId, such as `CreateInteraction` or `ListProxyInteraction`, or `*` for every operation. */
  operation: string;
  /** How many calls it hits (default 1). */
  times?: number;
  /** Answer with this status (429 or 500–599) and a Twilio error body. */
  status?: number;
  /** Seconds for the Retry-After header of a 429 or 503. */
  retryAfterSeconds?: number;
  /** Wait this long before answering (or dropping). */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
}

interface Scripted extends Fault {
  remaining: number;
}

export class FaultScript {
  readonly #faults: Scripted[] = [];

  add(fault: Fault, operations: ReadonlySet<string>): void {
    check(fault, operations);
    this.#faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** The fault for this call of `operationId`, if one is scripted; counts it down. */
  take(operationId: string): Fault | undefined {
    const index = this.#faults.findIndex((f) => f.operation === operationId || f.operation === "*");
    if (index < 0) return undefined;
    const fault = this.#faults[index]!;
    if (--fault.remaining <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.#faults.length = 0;
  }
}

function check(fault: Fault, operations: ReadonlySet<string>): void {
  if (typeof fault !== "object" || fault === null)
    throw new TypeError("fail() takes a fault object: { operation, status | drop | delayMs, times }.");
  const { operation, times, status, retryAfterSeconds, delayMs, drop } = fault;
  if (operation !== "*" && !operations.has(operation))
    throw new TypeError(
      `fail(): unknown operation "${String(operation)}". Use "*" or one of ${[...operations].join(", ")}.`,
    );
  if (times !== undefined && !(Number.isInteger(times) && times >= 1))
    throw new TypeError(`fail(): times must be a whole number of calls, at least 1, not ${String(times)}.`);
  if (status !== undefined && !(status === 429 || (Number.isInteger(status) && status >= 500 && status <= 599)))
    throw new TypeError(`fail(): status must be 429 or from 500 to 599, not ${String(status)}.`);
  if (retryAfterSeconds !== undefined && !(Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0))
    throw new TypeError(`fail(): retryAfterSeconds must be a number of seconds, not ${String(retryAfterSeconds)}.`);
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0))
    throw new TypeError(`fail(): delayMs must be a number of milliseconds, not ${String(delayMs)}.`);
  if (status !== undefined && drop) throw new TypeError("fail(): give either status or drop, not both.");
  if (status === undefined && !drop && delayMs === undefined)
    throw new TypeError("fail(): say what goes wrong: status (429 or 5xx), drop: true, or delayMs.");
}

// What the emulator received, for tests that assert what their code did.
// The Authorization header is never kept: only which credential was used.
// Bounded twice: by the number of entries, and by the text all of them hold,
// so that huge requests do not keep memory once they are answered.
import { LOG_BUDGET_CHARS } from "./limits";

/**
 * One request the emulator received, with its answer.
 *
 * @example
 * ```ts
 * expect(emulator.requests().map((r) => r.operation)).toEqual(["CreateInteraction", "UpdateInteractionChannel"]);
 * ```
 */
export interface ReceivedRequest {
  readonly method: string;
  /** Absolute URL as received (its first 8,192 characters). */
  readonly url: string;
  /** `flex` or `proxy`, or `null` for a path neither API has. */
  readonly api: "flex" | "proxy" | null;
  /** The operationId the request matched, or `null`. */
  readonly operation: string | null;
  /** Request headers, lower-case names, without Authorization (the first 16,384 characters of them). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent, or its first 65,536 characters when it is longer (see `bodyBytes`). */
  readonly body: string;
  /** The size of the body as sent, in bytes. */
  readonly bodyBytes: number;
  /** The form or JSON body decoded into an object (form fields stay strings), or `null` (also when `body` is cut short). */
  readonly params: Readonly<Record<string, unknown>> | null;
  /** `account` or `apiKey` when the credentials were accepted, else `null`. */
  readonly credential: "account" | "apiKey" | null;
  /** The status answered, or `null` for a dropped connection. */
  readonly status: number | null;
  readonly requestId: string;
  /** Emulated time the request arrived, ISO 8601. */
  readonly at: string;
}

// About the text an entry holds: its URL, headers and body, and the body again decoded.
function weight(entry: ReceivedRequest): number {
  let chars = entry.url.length + 2 * entry.body.length;
  for (const name in entry.headers) chars += name.length + entry.headers[name]!.length;
  return chars;
}

export class RequestLog {
  readonly #entries: ReceivedRequest[] = [];
  readonly #weights: number[] = [];
  #total = 0;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Whether entries are kept at all (a limit of 0 keeps none, so callers need not build them). */
  get keeps(): boolean {
    return this.#limit > 0;
  }

  add(entry: ReceivedRequest): void {
    if (this.#limit === 0) return;
    const added = weight(entry);
    this.#entries.push(entry);
    this.#weights.push(added);
    this.#total += added;
    // Oldest first out, so a long benchmark or soak test does not grow without end.
    while (this.#entries.length > this.#limit || (this.#total > LOG_BUDGET_CHARS && this.#entries.length > 1)) {
      this.#entries.shift();
      this.#total -= this.#weights.shift()!;
    }
  }

  list(): ReceivedRequest[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries.length = 0;
    this.#weights.length = 0;
    this.#total = 0;
  }
}

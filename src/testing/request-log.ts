// What the emulator received, for tests that assert what their code did.
// The Authorization header is never kept: only which credential was used.

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
  /** Absolute URL as received. */
  readonly url: string;
  /** `flex` or `proxy`, or `null` for a path neither API has. */
  readonly api: "flex" | "proxy" | null;
  /** The operationId the request matched, or `null`. */
  readonly operation: string | null;
  /** Request headers, lower-case names, without Authorization. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent. */
  readonly body: string;
  /** The form or JSON body decoded into an object (form fields stay strings), or `null`. */
  readonly params: Readonly<Record<string, unknown>> | null;
  /** `account` or `apiKey` when the credentials were accepted, else `null`. */
  readonly credential: "account" | "apiKey" | null;
  /** The status answered, or `null` for a dropped connection. */
  readonly status: number | null;
  readonly requestId: string;
  /** Emulated time the request arrived, ISO 8601. */
  readonly at: string;
}

export class RequestLog {
  readonly #entries: ReceivedRequest[] = [];
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
    // Bounded, so a long benchmark or soak test does not grow without end.
    if (this.#entries.length >= this.#limit) this.#entries.shift();
    this.#entries.push(entry);
  }

  list(): ReceivedRequest[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

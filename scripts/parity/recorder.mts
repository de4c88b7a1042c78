// Records what a parity run sends and gets back, step by step: a `fetch` to
// give the client that notes each exchange (operation, path template, the
// shape of the parameters and of the answer, status, Twilio error code), and
// the state transitions the answers show. It keeps no header, SID or value
// other than enum values, so a report holds no secret and no personal data.
import {
  type FieldShape,
  type OperationRef,
  type Shape,
  operationOf,
  querySchema,
  requestSchema,
  responseSchema,
  shapeOf,
} from "./spec-shapes.mts";

/** One request and its answer, as a report holds it. */
export interface Exchange {
  operation: string;
  method: string;
  /** The path template, e.g. `/v1/Interactions/{Sid}/Channels`. */
  path: string;
  /** Query parameters and body fields (JSON-in-form fields decoded): names, types, enum values. */
  params: Shape;
  status: number;
  /** Twilio's error code of a refusal. */
  errorCode?: number;
  /** The answer's fields: names, types, enum values. */
  response: Shape;
  /** How many times in a row this same exchange happened (polling). */
  count: number;
}

/** A resource's state seen to change: `entity` is its SID prefix and order of first sight, e.g. `UO#1`. */
export interface Transition {
  entity: string;
  from: string | null;
  to: string;
}

/** One step of a scenario. */
export interface StepRecord {
  name: string;
  ok: boolean;
  /** The step probes a refusal: `ok` means it was refused. */
  expectsRefusal?: true;
  /** Requests of the step run side by side: their order, and that of its transitions, is not the point. */
  concurrent?: true;
  /** Why it failed (or, for a probe, how it was refused); messages stay on the console, out of reports. */
  error?: { name: string; status?: number; code?: number };
  durationMs: number;
  exchanges: Exchange[];
  transitions: Transition[];
}

/** What the recorder tells the cleanup tracker about each answer. */
export type ExchangeListener = (ref: OperationRef, status: number, body: unknown) => void;

// The fields that carry a resource's state, per object that has a `sid`.
const STATE_FIELDS = ["status", "assignment_status", "reservation_status"] as const;

function sameExchange(a: Exchange, b: Exchange): boolean {
  const { count: _a, ...left } = a;
  const { count: _b, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}

// The body's fields: a form (the usual case) or a JSON object (transfers).
function bodyFields(body: string): Record<string, unknown> {
  if (!body) return {};
  if (body.startsWith("{")) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * The recorder of one run. Give `recorder.fetch` to the client; wrap each
 * step in `recorder.step()`.
 *
 * @example
 * ```ts
 * const recorder = new Recorder(signal);
 * const twilio = makeClient({ ...credentials, fetch: recorder.fetch });
 * await recorder.step("Fetch the channel", () => channel.fetch());
 * ```
 */
export class Recorder {
  private current: StepRecord | undefined;
  private states = new Map<string, { entity: string; state: string }>();
  private ordinals = new Map<string, number>();
  private listeners: ExchangeListener[] = [];

  /**
   * `interrupt` aborts every request in flight when it fires (SIGINT); `log`
   * gets a line per finished step, with the error message of a failed one.
   */
  constructor(
    private readonly interrupt?: AbortSignal,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Calls `listener` after every answer that could be matched to an operation. */
  onExchange(listener: ExchangeListener): void {
    this.listeners.push(listener);
  }

  /** Starts numbering entities afresh: each scenario's report reads on its own. */
  resetEntities(): void {
    this.states.clear();
    this.ordinals.clear();
  }

  /** The fetch for the client: the global fetch, recorded. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = init.method ?? "GET";
    const signal = this.interrupt
      ? init.signal
        ? AbortSignal.any([init.signal, this.interrupt])
        : this.interrupt
      : init.signal;
    const response = await globalThis.fetch(url, { ...init, signal });
    const ref = operationOf(method, url);
    if (!ref) return response;
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    this.note(ref, url, typeof init.body === "string" ? init.body : "", response.status, body);
    for (const listener of this.listeners) listener(ref, response.status, body);
    // The body was read here; the client gets it again (none for 204 and the other null-body statuses).
    const nullBody = [101, 204, 205, 304].includes(response.status);
    const init2 = { status: response.status, statusText: response.statusText, headers: response.headers };
    return new Response(nullBody ? null : text, init2);
  };

  private note(ref: OperationRef, url: string, body: string, status: number, answer: unknown): void {
    const query = Object.fromEntries(new URL(url).searchParams);
    const fields = bodyFields(body);
    const params: Shape = {};
    for (const [key, field] of Object.entries(shapeOf(ref.api, query, querySchema(ref)))) params[`?${key}`] = field;
    Object.assign(params, shapeOf(ref.api, fields, requestSchema(ref)));
    const exchange: Exchange = {
      operation: ref.operationId,
      method: ref.method,
      path: ref.path,
      params,
      status,
      response: shapeOf(ref.api, answer, responseSchema(ref, status)),
      count: 1,
    };
    const code = (answer as { code?: unknown } | null)?.code;
    if (status >= 400 && typeof code === "number") exchange.errorCode = code;
    this.observe(answer);
    const step = this.current;
    if (!step) return;
    const last = step.exchanges.at(-1);
    if (last && sameExchange(last, exchange)) last.count += 1;
    else step.exchanges.push(exchange);
  }

  // Every object with a `sid` and a state field in an answer: a transition when its state changed.
  private observe(value: unknown): void {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) this.observe(item);
      return;
    }
    const record = value as Record<string, unknown>;
    const field = STATE_FIELDS.find((name) => typeof record[name] === "string");
    if (typeof record.sid === "string" && field) this.transition(record.sid, record[field] as string);
    for (const child of Object.values(record)) this.observe(child);
  }

  private transition(sid: string, state: string): void {
    let known = this.states.get(sid);
    if (!known) {
      const prefix = sid.slice(0, 2);
      const ordinal = (this.ordinals.get(prefix) ?? 0) + 1;
      this.ordinals.set(prefix, ordinal);
      known = { entity: `${prefix}#${ordinal}`, state: "" };
      this.states.set(sid, known);
    }
    if (known.state === state) return;
    this.current?.transitions.push({ entity: known.entity, from: known.state || null, to: state });
    known.state = state;
  }

  /**
   * Runs one step and records it. A step that throws is recorded with its
   * error and the error is thrown on, unless the step `expectsRefusal`: then
   * an API refusal is the expected outcome and a success is the failure.
   */
  async step<T>(
    name: string,
    run: () => Promise<T>,
    options: { expectsRefusal?: boolean; concurrent?: boolean } = {},
  ): Promise<T | undefined> {
    const step: StepRecord = { name, ok: false, durationMs: 0, exchanges: [], transitions: [] };
    if (options.expectsRefusal) step.expectsRefusal = true;
    if (options.concurrent) step.concurrent = true;
    this.current = step;
    this.steps.push(step);
    const started = performance.now();
    let failure: unknown;
    try {
      const value = await run();
      step.ok = !options.expectsRefusal;
      return value;
    } catch (error) {
      failure = error;
      step.error = describeError(error);
      if (options.expectsRefusal && step.error.status !== undefined) {
        step.ok = true;
        return undefined;
      }
      throw error;
    } finally {
      step.durationMs = Math.round(performance.now() - started);
      this.current = undefined;
      const refused = step.error
        ? ` (${[step.error.name, step.error.status, step.error.code].filter(Boolean).join(" ")})`
        : "";
      const why = !step.ok && failure instanceof Error ? `: ${failure.message}` : "";
      this.log(`  ${step.ok ? "✓" : "✗"} ${name}${refused}${why}`);
    }
  }

  /** The steps recorded since the last `takeSteps()`. */
  private steps: StepRecord[] = [];

  /** Hands over the steps recorded so far and starts a new list. */
  takeSteps(): StepRecord[] {
    const steps = this.steps;
    this.steps = [];
    return steps;
  }
}

/** An error as a report holds it: its name, and the HTTP status and Twilio code when it has them. */
export function describeError(error: unknown): NonNullable<StepRecord["error"]> {
  const e = error as { name?: unknown; status?: unknown; code?: unknown };
  const described: NonNullable<StepRecord["error"]> = { name: typeof e?.name === "string" ? e.name : "Error" };
  if (typeof e?.status === "number") described.status = e.status;
  if (typeof e?.code === "number") described.code = e.code;
  return described;
}

export type { FieldShape, Shape };

// The types the generated resource interfaces (generated/*-resources.ts) are
// written with: readonly inputs, list options, SID arguments, the per-request
// options and the promise every non-list method returns.
import type { Sid } from "./sid";
import type { CallOptions } from "./transport";

/**
 * The options every resource method takes as its optional last argument, and
 * nothing else: an `AbortSignal`, the retries and the time limit of each
 * attempt for this request.
 *
 * @example
 * ```ts
 * await twilio.flex.interactions(interactionSid).fetch({ timeoutMs: 5_000, maxRetries: 0, signal });
 * ```
 */
export interface RequestOptions extends CallOptions {}

/**
 * `T` with every property and array readonly, at any depth: what a method
 * accepts, so `as const` objects and frozen values pass.
 *
 * @example
 * ```ts
 * const routing = { properties: { workspace_sid: "WS…", workflow_sid: "WW…" } } as const;
 * await twilio.flex.interactions.create({ Channel, Routing: routing });
 * ```
 */
export type Input<T> = unknown extends T
  ? T
  : T extends string | number | boolean | bigint | symbol | null | undefined
    ? T
    : { readonly [K in keyof T]: Input<T[K]> };

/**
 * The params of a `list()` method: the list's query parameters, named as in
 * the API, plus `limit`.
 *
 * @example
 * ```ts
 * const firstTen = await channel.participants.list({ limit: 10 }).toArray();
 * ```
 */
export type ListParams<Query> = Input<Query> & {
  /** Stop after this many items, across pages. Also sets `PageSize` when you do not (up to 1000). */
  readonly limit?: number;
};

/**
 * The argument of a handle call such as `twilio.flex.interactions(sid)`: a
 * SID with the right prefix. A plain `string` is refused with a message that
 * says to check it with `asSid` first.
 *
 * @example
 * ```ts
 * const interaction = twilio.flex.interactions(asSid("KD", process.env.INTERACTION_SID));
 * ```
 */
export type SidArg<Prefix extends string, S extends string> =
  S extends Sid<Prefix> ? S : `Not known to be a ${Prefix}… SID: check a plain string with asSid("${Prefix}", value)`;

/**
 * What a resource method gives with `.withResponse()`: its result, the HTTP
 * response, and Twilio's request ID to quote to support.
 *
 * @example
 * ```ts
 * const { data, requestId, response } = await channel.fetch().withResponse();
 * console.log(data.status, requestId, response.headers.get("date"));
 * ```
 */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `Twilio-Request-Id` header, when Twilio sent one. */
  requestId: string | undefined;
}

/**
 * The promise a resource method returns: it resolves to the result and
 * rejects with a typed error; `.withResponse()` resolves to the result with
 * its HTTP response.
 *
 * @example
 * ```ts
 * const interaction = await twilio.flex.interactions(interactionSid).fetch();
 * const { requestId } = await twilio.flex.interactions(interactionSid).fetch().withResponse();
 * ```
 */
export interface ApiPromise<T> extends Promise<T> {
  /** The same call's result, with the HTTP response and its request ID. */
  withResponse(): Promise<WithResponse<T>>;
}

import { InvalidSidError } from "./errors";

/**
 * A Twilio SID with a known two-letter prefix, such as `Sid<"KD">` for a Flex
 * Interaction. The generated API types use it for every SID field and path
 * parameter, so a plain `string` or a SID of another resource type does not
 * type-check where a `Sid<"KD">` is expected.
 *
 * It is a template-literal type (a string subtype), so values flow into
 * `JSON.stringify`, template strings and comparisons unchanged. Narrow an
 * unknown string with {@link isSid} or {@link asSid}.
 *
 * @example
 * ```ts
 * import type { Sid } from "twilio-interactions";
 * const interactionSid: Sid<"KD"> = asSid("KD", process.env.INTERACTION_SID);
 * ```
 */
export type Sid<Prefix extends string> = `${Prefix}${string}`;

// Two letters, then 32 hexadecimal digits.
const SID_SHAPE = /^[A-Za-z]{2}[0-9a-fA-F]{32}$/;

/**
 * Whether `value` is a well-formed SID with the given prefix: the two letters
 * followed by 32 hexadecimal digits (34 characters in all).
 *
 * @example
 * ```ts
 * if (isSid("KD", input)) {
 *   await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: input } } });
 * }
 * ```
 */
export function isSid<Prefix extends string>(prefix: Prefix, value: unknown): value is Sid<Prefix> {
  // A value of that shape that starts with a two-character prefix proves the prefix is two letters.
  return (
    typeof value === "string" &&
    value.length === 34 &&
    value.startsWith(prefix) &&
    prefix.length === 2 &&
    SID_SHAPE.test(value)
  );
}

/**
 * Returns `value` typed as `Sid<Prefix>`, or throws {@link InvalidSidError}
 * saying what is wrong with it (the value itself is echoed only when it is
 * short and printable, never a secret-sized blob).
 *
 * @example
 * ```ts
 * const sid = asSid("KD", "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
 * asSid("KD", "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // throws InvalidSidError: expected a KD… SID, got a UO… SID
 * ```
 */
export function asSid<Prefix extends string>(prefix: Prefix, value: unknown, name = "SID"): Sid<Prefix> {
  if (isSid(prefix, value)) return value;
  throw new InvalidSidError(prefix, value, name);
}

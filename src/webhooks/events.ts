// The typed interaction events, from the `webhooks` of the generated Flex
// types, and the check that turns received parameters into one of them: known
// EventType, required parameters present, SIDs of the right kind, integers
// decoded. What to check comes from the spec (`flexWebhooks`).
import { flexWebhooks } from "../../generated/flex-operations";
import type { webhooks } from "../../generated/flex";
import { isSid } from "../sid";
import { MalformedEventError, UnknownEventTypeError } from "./errors";

/**
 * The name of an interaction event, for example `onParticipantLeft`.
 *
 * @example
 * ```ts
 * const subscribed: InteractionEventType[] = ["onParticipantLeft", "onChannelStatusUpdated"];
 * ```
 */
export type InteractionEventType = keyof webhooks;

/**
 * The parameters of one interaction event, as the Flex description defines
 * them.
 *
 * @example
 * ```ts
 * async function sendSurvey(event: InteractionEventOf<"onParticipantLeft">) { … event.ParticipantSid … }
 * ```
 */
export type InteractionEventOf<T extends InteractionEventType> =
  webhooks[T]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"];

/**
 * Any interaction event; narrow it on `EventType`.
 *
 * @example
 * ```ts
 * if (event.EventType === "onParticipantLeft") await sendSurvey(event.InteractionSid, event.ParticipantSid);
 * ```
 */
export type InteractionEvent = { [T in InteractionEventType]: InteractionEventOf<T> }[InteractionEventType];

/**
 * Received parameters: strings from a form or query string (arrays for repeated keys), anything from JSON.
 *
 * @example
 * ```ts
 * const params: ReceivedParams = Object.fromEntries(new URLSearchParams(body));
 * ```
 */
export type ReceivedParams = Readonly<Record<string, unknown>>;

function malformed(parameter: string, problem: string): MalformedEventError {
  return new MalformedEventError(parameter, `The event's ${parameter} ${problem}.`);
}

function integer(name: string, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d{1,15}$/.test(value)) return Number(value);
  throw malformed(name, "is not an integer");
}

/**
 * Checks received parameters against the event they name and returns them as
 * that event, or throws {@link UnknownEventTypeError} or {@link MalformedEventError}.
 * Empty optional parameters are left out; unknown parameters are kept. The
 * event is an object without a prototype: every name, `__proto__` and
 * `constructor` included, is a parameter like any other.
 *
 * @example
 * ```ts
 * const event = toInteractionEvent(Object.fromEntries(new URLSearchParams(body)));
 * ```
 */
export function toInteractionEvent(params: ReceivedParams): InteractionEvent {
  // Read here, not at module load, so a bundle of a program that receives no webhooks drops the event data.
  const { key, events } = flexWebhooks;
  const name = Object.hasOwn(params, key) ? params[key] : undefined;
  if (name === undefined || name === "") throw malformed(key, "is missing");
  if (typeof name !== "string") throw malformed(key, "is not a string");
  if (!Object.hasOwn(events, name)) throw new UnknownEventTypeError(name, Object.keys(events));
  const facts = events[name as InteractionEventType];
  const sids = new Map<string, string>(Object.entries("sids" in facts ? facts.sids : {}));
  const integers = new Set<string>("integers" in facts ? facts.integers : []);
  const known = new Set<string>([...facts.required, ...sids.keys(), ...integers]);

  const event: Record<string, unknown> = Object.create(null);
  for (const [param, value] of Object.entries(params)) {
    if (known.has(param) && (value === "" || value === null)) continue;
    if (known.has(param) && Array.isArray(value)) throw malformed(param, "is repeated");
    const prefix = sids.get(param);
    if (integers.has(param)) event[param] = integer(param, value);
    else if (prefix !== undefined) {
      if (!isSid(prefix, value)) throw malformed(param, `is not a ${prefix}… SID`);
      event[param] = value;
    } else event[param] = value;
  }
  for (const param of facts.required) {
    if (!Object.hasOwn(event, param)) throw malformed(param, "is missing");
    if (!integers.has(param) && typeof event[param] !== "string") throw malformed(param, "is not a string");
  }
  return event as InteractionEvent;
}

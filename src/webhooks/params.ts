// Received parameters, held so that no name is special and no shape of body
// costs more than sorting it. Names are grouped by a stable sort, never as
// keys of an object or a Map: `__proto__` or `constructor` is data like any
// other name, and thousands of long names that a hash table would file
// together cost no more than their length. Only once the signature holds are
// the parameters put in an object, one without a prototype, and only names of
// a sane length: that object hashes its names.
import { MalformedEventError } from "./errors";

/** One parameter name, its values in the order received, and where it first came. */
export interface ParamGroup {
  readonly name: string;
  readonly values: string[];
  readonly first: number;
}

/**
 * Longer names are refused. Twilio's are a few dozen characters; the bound
 * keeps the object that holds them cheap to build (V8 hashes a key over
 * 16,383 characters by its length alone, so such keys all collide).
 */
export const MAX_NAME_LENGTH = 1000;
/** Deeper JSON is refused before it is parsed: Twilio's events are flat. */
export const MAX_JSON_DEPTH = 32;

interface Pair {
  name: string;
  value: string;
  index: number;
}

function byName(a: Pair, b: Pair): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// Sorted by name, by UTF-16 code units as Twilio signs them; the sort is
// stable, so each name's values keep their order. Time grows as the pairs'
// total length times the log of their number.
function group(received: Pair[]): ParamGroup[] {
  received.sort(byName);
  const groups: { name: string; values: string[]; first: number }[] = [];
  for (const { name, value, index } of received) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.name === name) last.values.push(value);
    else groups.push({ name, values: [value], first: index });
  }
  return groups;
}

/** `[name, value]` pairs grouped by name, in name order. */
export function groupPairs(pairs: readonly (readonly [string, string])[]): ParamGroup[] {
  return group(pairs.map(([name, value], index) => ({ name, value, index })));
}

/** The parameters of a query string or form body grouped by name, in name order. */
export function groupSearch(search: URLSearchParams): ParamGroup[] {
  const received: Pair[] = [];
  search.forEach((value, name) => received.push({ name, value, index: received.length }));
  return group(received);
}

function nameTooLong(): MalformedEventError {
  return new MalformedEventError("body", `The event has a parameter name longer than ${MAX_NAME_LENGTH} characters.`);
}

/**
 * The parameters as an object without a prototype, in the order they came:
 * a repeated name holds an array of its values.
 */
export function paramsObject(groups: readonly ParamGroup[]): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const { name, values } of [...groups].sort((a, b) => a.first - b.first)) {
    if (name.length > MAX_NAME_LENGTH) throw nameTooLong();
    params[name] = values.length === 1 ? values[0]! : values;
  }
  return params;
}

// One pass over the text before JSON.parse: nesting deeper than
// MAX_JSON_DEPTH or a key longer than MAX_NAME_LENGTH is refused. Text that is
// not JSON passes here and fails in JSON.parse.
function checkJsonShape(text: string): void {
  let depth = 0;
  let stringStart = -1;
  let lastStringLength = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (stringStart !== -1) {
      if (code === 0x5c) i++;
      else if (code === 0x22) {
        lastStringLength = i - stringStart - 1;
        stringStart = -1;
      }
    } else if (code === 0x22) stringStart = i;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new MalformedEventError("body", `The event's JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
      }
    } else if (code === 0x7d || code === 0x5d) depth--;
    else if (code === 0x3a && lastStringLength > MAX_NAME_LENGTH) throw nameTooLong();
  }
}

/** A JSON body's parameters: an object, of bounded depth, whose `__proto__` key (if any) is its own data. */
export function jsonParams(text: string): Record<string, unknown> {
  checkJsonShape(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedEventError("body", "The event's JSON body does not parse.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MalformedEventError("body", "The event's JSON body is not an object.");
  }
  return value as Record<string, unknown>;
}

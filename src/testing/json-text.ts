// Answers written as JSON text directly, for the answers every test makes
// (an interaction and its task): JSON.stringify pays for each call and each
// character it checks, and a task's attributes, a JSON string inside the
// answer, would be encoded twice. The text is exactly what JSON.stringify
// writes for the same values.

/** An answer body that is JSON text already: the dispatcher sends it as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

// Whether JSON.stringify writes `s` as it is between quotes: no quote, backslash, control character
// or surrogate (a lone one is escaped; a pair, rare here, takes the slow path too).
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

// A plain object of plain strings, numbers, booleans and nulls (the task attributes most callers send) as
// JSON.stringify writes it, `quote` standing for each quote; undefined for anything else.
function flatObject(value: object, quote: string): string | undefined {
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  let text = "";
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    let written: string;
    if (typeof item === "string" && plain(item)) written = quote + item + quote;
    else if (typeof item === "number") written = Number.isFinite(item) ? String(item) : "null";
    else if (typeof item === "boolean") written = item ? "true" : "false";
    else if (item === null) written = "null";
    else return undefined;
    if (!plain(key)) return undefined;
    text += `${text ? "," : ""}${quote}${key}${quote}:${written}`;
  }
  return `{${text}}`;
}

/** `value` as JSON.stringify writes it; `inString` writes that text as it appears inside a JSON string. */
export function jsonValue(value: string | number | boolean | object | null, inString = false): string {
  if (typeof value === "string" && plain(value)) return inString ? `\\"${value}\\"` : `"${value}"`;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (value === null) return "null";
  if (typeof value === "object") {
    const flat = flatObject(value, inString ? '\\"' : '"');
    if (flat !== undefined) return flat;
  }
  const text = JSON.stringify(value);
  return inString ? JSON.stringify(text).slice(1, -1) : text;
}

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

/** `value` as JSON.stringify writes it; `inString` writes that text as it appears inside a JSON string. */
export function jsonValue(value: string | number | boolean | object | null, inString = false): string {
  if (typeof value === "string" && plain(value)) return inString ? `\\"${value}\\"` : `"${value}"`;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (value === null) return "null";
  const text = JSON.stringify(value);
  return inString ? JSON.stringify(text).slice(1, -1) : text;
}

// The emulator's limits on what one request may carry, so that no request can
// crash it, stall it or make it hold memory it never gives back. Twilio
// publishes none of these: docs/emulator.md ("Limits") gives the reasons.

/**
 * Default cap on a request body, in bytes (1 MiB, the default body cap of
 * nginx, the proxy most often put in front of an API). The largest body these
 * APIs take is a create whose `Routing` carries task attributes, a few
 * kilobytes in practice.
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Longest path any operation can have (the longest, with four SIDs percent-encoded, is under 500). */
export const MAX_PATH_CHARS = 2048;

/** Deepest nesting of objects and arrays in a JSON-in-form field or a JSON body. */
export const MAX_JSON_DEPTH = 64;

/** Longest JSON text in one JSON-in-form field, in characters. */
export const MAX_JSON_FIELD_CHARS = 256 * 1024;

/** Longest text a request-log entry keeps of a body; longer ones keep this prefix and their size. */
export const LOGGED_BODY_CHARS = 64 * 1024;

/** Longest URL a request-log entry keeps. */
export const LOGGED_URL_CHARS = 8 * 1024;

/** Header text (names and values) a request-log entry keeps: Node's own cap on a request's headers. */
export const LOGGED_HEADERS_CHARS = 16 * 1024;

/** Text the whole request log may hold (URLs, headers and bodies, counted in characters). */
export const LOG_BUDGET_CHARS = 8 * 1024 * 1024;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// At most `max` opening brackets in all (strings included): too few to nest deeper than `max`.
// The engine's own search finds them much faster than a loop over every character.
function fewOpenings(text: string, max: number): boolean {
  let count = 0;
  for (let i = text.indexOf("{"); i >= 0; i = text.indexOf("{", i + 1)) if (++count > max) return false;
  for (let i = text.indexOf("["); i >= 0; i = text.indexOf("[", i + 1)) if (++count > max) return false;
  return true;
}

/**
 * Whether JSON text nests objects and arrays deeper than `max`: one pass over
 * the characters, no recursion and no parsing, so it is safe on any input
 * (brackets inside strings do not count).
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  if (fewOpenings(text, max)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * At most `max` characters of `text`, as a string of its own: a plain slice
 * of a long string can keep the whole of it alive.
 */
export function prefixOf(text: string, max: number): string {
  if (text.length <= max) return text;
  // Through JSON and back: a fresh flat string that owns its characters.
  return JSON.parse(JSON.stringify(text.slice(0, max))) as string;
}

/** `text` shortened for an error message that echoes it. */
export function clip(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** UTF-8 length of `text`, without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for its 2 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

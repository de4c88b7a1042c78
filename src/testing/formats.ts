// The JSON Schema `format`s our spec uses, each checked in one pass: no
// pattern that can backtrack runs on request data, and each check refuses a
// value longer than the format allows before looking at it, so a megabyte of
// adversarial text costs no more than a valid value.

/** Longest e-mail address: RFC 5321 §4.5.3.1.3 allows 256 octets for a path, angle brackets included. */
export const MAX_EMAIL_CHARS = 254;
/** Longest URI: RFC 9110 §4.1 asks every sender and recipient to handle 8,000 octets. */
export const MAX_URI_CHARS = 8000;
/** Longest RFC 3339 date-time worth reading (`2026-01-01T00:00:00.000000000+00:00` is 35). */
export const MAX_DATE_TIME_CHARS = 64;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

// What `\s` matches in a JavaScript pattern.
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const AT = 0x40;
const DOT = 0x2e;

/** `local@domain.tld`: one `@`, no white space, and a dot with text on both sides in the domain. */
export function isEmail(value: string): boolean {
  if (value.length > MAX_EMAIL_CHARS) return false;
  let at = -1;
  let innerDot = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isSpace(c)) return false;
    if (c === AT) {
      if (at >= 0) return false;
      at = i;
    } else if (c === DOT && at >= 0 && i > at + 1 && i < value.length - 1) innerDot = true;
  }
  return at > 0 && innerDot;
}

/** An absolute URI (WHATWG URL parsing, which is linear in its input). */
export function isUri(value: string): boolean {
  if (value.length > MAX_URI_CHARS) return false;
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An RFC 3339 date-time that names a real instant. */
export function isDateTime(value: string): boolean {
  return value.length <= MAX_DATE_TIME_CHARS && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** The format checks by name; a format not listed is not checked (JSON Schema makes formats optional). */
export const FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  email: isEmail,
  uri: isUri,
  "date-time": isDateTime,
};

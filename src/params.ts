// Checks a request's parameters against what the spec says, before anything
// is sent: SID path parameters must have their prefix and shape, other
// path parameters must match their pattern, bounded query parameters
// (PageSize 1–1000, Page ≥ 0) must be in range, query text must be encodable
// and headers must be valid HTTP.
import type { PathDescription, QueryBounds } from "./api-description";
import { InvalidSidError, TwilioValidationError } from "./errors";
import { sendableText } from "./form";
import { isSid } from "./sid";

export interface RequestParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

function checkBounds(name: string, value: unknown, bounds: QueryBounds): void {
  const range =
    bounds.maximum === undefined
      ? `at least ${bounds.minimum ?? 0}`
      : `from ${bounds.minimum ?? 0} to ${bounds.maximum}`;
  const expected = `${name} must be ${bounds.integer ? "an integer" : "a number"} ${range}`;
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TwilioValidationError(
      name,
      `${expected}, but got ${typeof value === "string" ? `the string "${value.slice(0, 20)}"` : `a ${typeof value}`}.`,
    );
  }
  if (
    (bounds.integer && !Number.isInteger(value)) ||
    (bounds.minimum !== undefined && value < bounds.minimum) ||
    (bounds.maximum !== undefined && value > bounds.maximum)
  ) {
    throw new TwilioValidationError(name, `${expected}, but got ${value}.`);
  }
}

// Never echoes the value: a secret pasted into the wrong field must not reach a log.
function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  return typeof value === "string" ? `a ${value.length}-character string` : `a ${typeof value}`;
}

/** Throws {@link InvalidSidError} or {@link TwilioValidationError} for the first bad parameter. */
export function checkParams(
  path: PathDescription | undefined,
  query: Readonly<Record<string, QueryBounds>> | undefined,
  params: RequestParams | undefined,
): void {
  // for…in rather than Object.entries: this runs on every request, and the entries arrays cost more than the checks.
  const sids = path?.sids;
  for (const name in sids) {
    const value = params?.path?.[name];
    if (!isSid(sids[name]!, value)) throw new InvalidSidError(sids[name]!, value, name);
  }
  const patterns = path?.patterns;
  for (const name in patterns) {
    const value = params?.path?.[name];
    const pattern = patterns[name]!;
    if (typeof value !== "string" || !new RegExp(pattern, "u").test(value)) {
      throw new TwilioValidationError(
        name,
        `${name} must match ${pattern}, but got ${describeValue(value)}; pass the value Twilio returned.`,
      );
    }
  }
  const values = params?.query;
  for (const name in query) {
    const value = values?.[name];
    if (value !== undefined) checkBounds(name, value, query[name]!);
  }
  if (values) for (const name of Object.keys(values)) checkQueryValue(name, values[name], 0);
}

// Query values end up in encodeURIComponent, which throws on a lone surrogate or a symbol.
function checkQueryValue(name: string, value: unknown, depth: number): void {
  if (typeof value === "string") sendableText(name, value);
  else if (typeof value === "symbol" || typeof value === "function")
    throw new TwilioValidationError(name, `${name} cannot be sent in a query: it is a ${typeof value}.`);
  else if (typeof value === "object" && value !== null && depth < 4)
    for (const item of Object.values(value)) checkQueryValue(name, item, depth + 1);
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Throws {@link TwilioValidationError} for a header name or value that is not valid HTTP (CR/LF included). */
export function checkHeaders(headers: unknown): void {
  if (headers === undefined || headers === null) return;
  const entries: [unknown, unknown][] = [];
  if (Array.isArray(headers)) {
    for (const pair of headers) entries.push(Array.isArray(pair) ? [pair[0], pair[1]] : [pair, undefined]);
  } else if (typeof (headers as Headers).forEach === "function") {
    (headers as Headers).forEach((value, name) => entries.push([name, value]));
  } else if (typeof headers === "object") {
    entries.push(...Object.entries(headers));
  } else {
    entries.push([headers, undefined]);
  }
  for (const [name, value] of entries) {
    if (typeof name !== "string" || !TOKEN.test(name)) {
      throw new TwilioValidationError("headers", "headers has a name that is not a valid HTTP header name.");
    }
    // openapi-fetch leaves out null and undefined header values.
    if (value === undefined || value === null) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    const valid = (v: unknown) =>
      (typeof v === "string" || typeof v === "number" || typeof v === "boolean") && HEADER_VALUE.test(String(v));
    if (!values.every(valid)) {
      throw new TwilioValidationError(
        `headers.${name}`,
        `The ${name} header must be text without line breaks or control characters.`,
      );
    }
  }
}

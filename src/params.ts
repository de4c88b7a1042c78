// Checks a request's parameters against what the spec says, before anything
// is sent: SID path parameters must have their prefix and shape, other
// path parameters must match their pattern, bounded query parameters
// (PageSize 1–1000, Page ≥ 0) must be in range.
import type { PathDescription, QueryBounds } from "./api-description";
import { InvalidSidError, TwilioValidationError } from "./errors";
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
  for (const [name, prefix] of Object.entries(path?.sids ?? {})) {
    const value = params?.path?.[name];
    if (!isSid(prefix, value)) throw new InvalidSidError(prefix, value, name);
  }
  for (const [name, pattern] of Object.entries(path?.patterns ?? {})) {
    const value = params?.path?.[name];
    if (typeof value !== "string" || !new RegExp(pattern, "u").test(value)) {
      throw new TwilioValidationError(
        name,
        `${name} must match ${pattern}, but got ${describeValue(value)}; pass the value Twilio returned.`,
      );
    }
  }
  for (const [name, bounds] of Object.entries(query ?? {})) {
    const value = params?.query?.[name];
    if (value !== undefined) checkBounds(name, value, bounds);
  }
}

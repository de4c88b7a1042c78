// Twilio's request encoding: `application/x-www-form-urlencoded` with
// PascalCase keys. Which fields hold a JSON object comes from the spec
// (`jsonFields` in generated/*-operations.ts).
import { TwilioValidationError } from "./errors";

/** Content type of form bodies. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

// A lone UTF-16 surrogate cannot be encoded: URLSearchParams would silently
// replace it with U+FFFD, changing what is sent.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Returns `value`, or throws TwilioValidationError when it holds a lone surrogate. */
export function sendableText(field: string, value: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new TwilioValidationError(
      field,
      `${field} contains a lone UTF-16 surrogate, which cannot be sent; check how the text was cut.`,
    );
  }
  return value;
}

function scalar(field: string, value: unknown, json: boolean): string {
  if (typeof value === "string") return sendableText(field, value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new TwilioValidationError(field, `${field} must be a finite number, but got ${value}.`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TwilioValidationError(field, `${field} is an invalid Date.`);
    return value.toISOString();
  }
  if (typeof value === "object" && value !== null) {
    // JSON-in-form fields by the spec; any other object is sent the same way,
    // as Twilio's own SDKs do.
    try {
      // JSON.stringify escapes lone surrogates itself, so JSON is always sendable.
      return JSON.stringify(value);
    } catch (error) {
      throw new TwilioValidationError(
        field,
        `${field} cannot be encoded as JSON${json ? "" : " (objects are sent as JSON strings)"}: ${(error as Error).message}`,
      );
    }
  }
  throw new TwilioValidationError(field, `${field} cannot be sent in a form: it is a ${typeof value}.`);
}

/**
 * Encodes a request body the way Twilio expects it:
 *
 * - fields listed in `jsonFields` (and any other object) as a JSON string;
 * - arrays as repeated keys (`Tags=a&Tags=b`);
 * - `Date` as ISO 8601, booleans as `true`/`false`;
 * - `undefined` and `null` fields are left out.
 *
 * A JSON field given as a string is sent unchanged, as already-encoded JSON.
 *
 * @example
 * ```ts
 * encodeForm({ Channel: { type: "sms" }, Status: "closed" }, ["Channel"]).toString();
 * // "Channel=%7B%22type%22%3A%22sms%22%7D&Status=closed"
 * ```
 */
export function encodeForm(body: unknown, jsonFields: readonly string[] = []): URLSearchParams {
  const form = new URLSearchParams();
  if (body === undefined || body === null) return form;
  if (typeof body !== "object" || Array.isArray(body)) {
    throw new TwilioValidationError(
      "body",
      `The request body must be an object of form fields, but got ${Array.isArray(body) ? "an array" : `a ${typeof body}`}.`,
    );
  }
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    const json = jsonFields.includes(field);
    if (Array.isArray(value) && !json) {
      for (const item of value) if (item !== undefined && item !== null) form.append(field, scalar(field, item, false));
    } else {
      form.append(field, scalar(field, value, json));
    }
  }
  return form;
}

/**
 * Encodes a JSON request body. A value JSON cannot encode (a cycle, a BigInt,
 * a `toJSON` that throws) is a TwilioValidationError naming the top-level
 * field that holds it.
 *
 * @example
 * ```ts
 * encodeJson({ Routing: { properties: {} } }); // '{"Routing":{"properties":{}}}'
 * ```
 */
export function encodeJson(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    let field = "body";
    if (typeof body === "object" && body !== null) {
      for (const [name, value] of Object.entries(body)) {
        try {
          JSON.stringify(value);
        } catch {
          field = name;
          break;
        }
      }
    }
    throw new TwilioValidationError(field, `${field} cannot be encoded as JSON: ${(error as Error).message}`);
  }
}

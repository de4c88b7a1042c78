// Checks requests as they went over the wire against the bundled API
// descriptions, including what the mock cannot see: the JSON inside the
// JSON-in-form fields (Channel, Routing, MediaProperties, RoutingProperties),
// validated against each field's contentSchema.
import { inject } from "vitest";
import { type ApiName, type Json, type SchemaValidator, resolve, loadSpec, schemaValidator } from "../../helpers/spec";
import type { SentRequest } from "./recording-client";

export interface WireOperation {
  api: ApiName;
  path: string;
  method: string;
  operationId: string;
  op: Json;
}

const validators = new Map<ApiName, SchemaValidator>();
function validatorOf(api: ApiName): SchemaValidator {
  let validator = validators.get(api);
  if (!validator) validators.set(api, (validator = schemaValidator(api)));
  return validator;
}

function templateMatches(template: string, pathname: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${pattern}$`).test(pathname);
}

/**
 * The operation a recorded request called, found by the mock it went to, its path and method.
 *
 * @example
 * ```ts
 * operationOf(sent[0]).operationId; // "CreateInteraction"
 * ```
 */
export function operationOf(request: Pick<SentRequest, "url" | "method">): WireOperation {
  const urls = inject("mockUrls");
  const api = (Object.keys(urls) as ApiName[]).find((name) => new URL(urls[name]).origin === request.url.origin);
  if (!api) throw new Error(`${request.url.origin} is not one of the mock's base URLs.`);
  const method = request.method.toLowerCase();
  for (const [path, item] of Object.entries<Json>(loadSpec(api).paths)) {
    const op = item[method];
    if (op && templateMatches(path, request.url.pathname))
      return { api, path, method, operationId: op.operationId, op };
  }
  throw new Error(`No ${request.method} operation of the ${api} API matches ${request.url.pathname}.`);
}

function bodySchema(api: ApiName, op: Json, mediaType: string): Json | undefined {
  return resolve(loadSpec(api), op.requestBody)?.content?.[mediaType]?.schema;
}

/**
 * Names of the form fields of an operation whose value is JSON (`contentMediaType: application/json`).
 *
 * @example
 * ```ts
 * jsonInFormFields(operationOf(sent[0])); // ["Channel", "Routing"]
 * ```
 */
export function jsonInFormFields({ api, op }: WireOperation): string[] {
  const doc = loadSpec(api);
  const schema = resolve(doc, bodySchema(api, op, "application/x-www-form-urlencoded"));
  // A body that is one of several forms (a channel's close or leave) has its fields in the alternatives.
  const forms: Json[] = [schema, ...(schema?.oneOf ?? []).map((branch: Json) => resolve(doc, branch))];
  const names = forms.flatMap((form) =>
    Object.entries<Json>(form?.properties ?? {})
      .filter(([, property]) => resolve(doc, property).contentMediaType === "application/json")
      .map(([name]) => name),
  );
  return [...new Set(names)];
}

/**
 * The form fields of a recorded request body. Keys may repeat only for the
 * array fields named in `arrays` (sent as one key per item), which come back
 * as arrays; any other repeat is refused (Prism would keep only the last).
 *
 * @example
 * ```ts
 * formFields("Status=closed"); // { Status: "closed" }
 * formFields("E=a&E=b", ["E"]); // { E: ["a", "b"] }
 * ```
 */
export function formFields(
  body: string | undefined,
  arrays: readonly string[] = [],
): Record<string, string | string[]> {
  const form = new URLSearchParams(body ?? "");
  const keys = [...form.keys()];
  const repeated = keys.filter((key, i) => keys.indexOf(key) !== i && !arrays.includes(key));
  if (repeated.length) throw new Error(`The form repeats ${repeated.join(", ")}.`);
  return Object.fromEntries(
    [...new Set(keys)].map((key) => [key, arrays.includes(key) ? form.getAll(key) : form.get(key)!]),
  );
}

/**
 * Why a recorded request does not match its operation's request body schema
 * (with the JSON inside JSON-in-form fields decoded and validated), or `[]`.
 *
 * @example
 * ```ts
 * expect(requestBodyErrors(sent[0])).toEqual([]);
 * ```
 */
export function requestBodyErrors(request: SentRequest): string[] {
  const operation = operationOf(request);
  const { api, op } = operation;
  if (!op.requestBody) return request.body ? ["sent a body to an operation that takes none"] : [];
  const type = request.contentType?.split(";")[0]?.trim() ?? "";
  const schema = bodySchema(api, op, type);
  if (!schema) return [`sent Content-Type ${type || "(none)"}, which the operation does not accept`];
  const properties = resolve(loadSpec(api), schema)?.properties ?? {};
  const arrays = Object.keys(properties).filter((name) => resolve(loadSpec(api), properties[name])?.type === "array");
  const value = type === "application/json" ? JSON.parse(request.body ?? "null") : formFields(request.body, arrays);
  return validatorOf(api).errors(schema, value);
}

// Checks a request against its operation in our bundled spec before any
// handler runs, and decodes it: path and query parameters (numbers from
// text), the form or JSON body, and the JSON carried inside form fields.
// A broken rule answers 400 with a message that names it.
import type { EmulatorRequest } from "./exchange";
import { invalid, notFound } from "./exchange";
import type { SchemaError, SchemaValidator } from "./json-schema";
import { MAX_JSON_DEPTH, clip, nestedDeeperThan } from "./limits";
import type { JsonSchema, OperationSchemas, ParameterSchema } from "./schema-types";
import type { Decoded } from "./schema-verdict";

/** A request that passed the spec, decoded. */
export interface CheckedRequest {
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | number>>;
  /** Form fields as sent (strings), or the JSON body. */
  readonly body: Readonly<Record<string, unknown>>;
  /** JSON-in-form text the check decoded, by text: each value is handed out once (see `jsonField`). */
  readonly decoded?: Decoded;
}

// What the check reads of an operation's schemas, read once per operation.
interface Plan {
  /** Per parameter, whether its text is read as a number. */
  readonly numeric: readonly boolean[];
  /** The form fields that are lists (sent as one key per item). */
  readonly lists: ReadonlySet<string>;
}
const plans = new WeakMap<OperationSchemas, Plan>();

function planOf(validator: SchemaValidator, operation: OperationSchemas): Plan {
  let plan = plans.get(operation);
  if (plan) return plan;
  const numeric = operation.parameters.map((parameter) => {
    const { type } = validator.resolve(parameter.schema);
    return Array.isArray(type)
      ? type.includes("integer") || type.includes("number")
      : type === "integer" || type === "number";
  });
  const properties = (operation.body ? (validator.resolve(operation.body.schema).properties ?? {}) : {}) as Record<
    string,
    JsonSchema
  >;
  const lists = new Set(
    Object.keys(properties).filter((name) => validator.resolve(properties[name]!).type === "array"),
  );
  plans.set(operation, (plan = { numeric, lists }));
  return plan;
}

const FORM = "application/x-www-form-urlencoded";

// The first few broken rules: a long list of items can break thousands.
const SHOWN_ERRORS = 10;

function describe(errors: readonly SchemaError[]): string {
  const shown = errors.slice(0, SHOWN_ERRORS).map((e) => (e.at ? `${clip(e.at)} ${e.message}` : e.message));
  const more = errors.length - shown.length;
  return shown.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

function checkParameter(
  validator: SchemaValidator,
  parameter: ParameterSchema,
  numeric: boolean,
  raw: string | undefined,
): string | number | undefined {
  if (raw === undefined) {
    if (parameter.required) throw invalid(`Missing required parameter ${parameter.name} in the ${parameter.in}`);
    return undefined;
  }
  // Query and path values arrive as text: numbers are read as the schema asks.
  const value = numeric && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (validator.valid(parameter.schema, value)) return value;
  const errors = validator.errors(parameter.schema, value);
  // Twilio answers a path SID that cannot exist with 404, like any unknown SID.
  if (parameter.in === "path") throw notFound(`${parameter.name} ${clip(raw)} (${describe(errors)})`);
  throw invalid(`Invalid parameter ${parameter.name}: ${describe(errors)}`);
}

/**
 * A form's fields in order, as URLSearchParams reads them. Well-formed text (all a client sends over
 * HTTP) is read by the engine's own decodeURIComponent, which refuses percent-encoding that is not
 * well-formed UTF-8; other text, or text it refuses, by URLSearchParams.
 */
export function formFields(body: string): [string, string][] {
  if ((body as { isWellFormed?(): boolean }).isWellFormed?.()) {
    try {
      const fields: [string, string][] = [];
      for (const pair of body.split("&")) {
        if (pair === "") continue;
        const eq = pair.indexOf("=");
        const name = eq < 0 ? pair : pair.slice(0, eq);
        const value = eq < 0 ? "" : pair.slice(eq + 1);
        fields.push([decodeURIComponent(name.replaceAll("+", " ")), decodeURIComponent(value.replaceAll("+", " "))]);
      }
      return fields;
    } catch {
      // Bad percent-encoding: URLSearchParams keeps it as text.
    }
  }
  const fields: [string, string][] = [];
  new URLSearchParams(body).forEach((value, name) => fields.push([name, value]));
  return fields;
}

function decodeBody(
  operation: OperationSchemas,
  lists: ReadonlySet<string>,
  request: EmulatorRequest,
): Record<string, unknown> {
  const spec = operation.body;
  if (!spec) return {};
  const given = request.headers["content-type"] ?? "";
  const semicolon = given.indexOf(";");
  const type = (semicolon < 0 ? given : given.slice(0, semicolon)).trim().toLowerCase();
  if (request.body === "" && !spec.required) return {};
  if (spec.mediaType === FORM) {
    if (type !== FORM && request.body !== "")
      throw invalid(`The body must be ${FORM}, as Twilio expects; it was sent as "${type || "no Content-Type"}"`);
    // A list field (WebhookEvents) is sent as one key per item; for any other
    // field Twilio keeps the first of repeated keys.
    const form: Record<string, string | string[]> = {};
    for (const [name, value] of formFields(request.body)) {
      if (lists.has(name)) ((form[name] ??= []) as string[]).push(value);
      else form[name] ??= value;
    }
    return form;
  }
  if (type !== "application/json")
    throw invalid(`The body must be application/json; it was sent as "${type || "no Content-Type"}"`);
  if (nestedDeeperThan(request.body, MAX_JSON_DEPTH))
    throw invalid(`Invalid request body: must not nest objects and arrays more than ${MAX_JSON_DEPTH} deep`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw invalid("The body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw invalid("The JSON body must be an object");
  return parsed as Record<string, unknown>;
}

function checkBody(
  validator: SchemaValidator,
  operation: OperationSchemas,
  body: Record<string, unknown>,
  decoded: Decoded | undefined,
): void {
  const spec = operation.body;
  if (!spec || validator.valid(spec.schema, body, decoded)) return;
  const errors = validator.errors(spec.schema, body);
  const isForm = spec.mediaType === FORM;
  const first = errors[0]!;
  // Twilio's own wording for a missing form field.
  const missing = /^must have the property "(\w+)"$/.exec(first.message);
  if (isForm && first.at === "" && missing) throw invalid(`Missing required parameter ${missing[1]} in the post body`);
  const field = isForm ? /^\/([^/]+)/.exec(first.at) : null;
  if (field) {
    const at = `/${field[1]}`;
    const inner = errors
      .filter((e) => e.at === at || e.at.startsWith(`${at}/`))
      .map((e) => ({ ...e, at: e.at.slice(at.length) }));
    throw invalid(`Invalid parameter ${clip(field[1]!)}: ${describe(inner)}`);
  }
  throw invalid(`Invalid request body: ${describe(errors)}`);
}

/** Validates and decodes `request` for `operation`, or throws the 400/404 {@link TwilioFault}. */
export function checkRequest(
  validator: SchemaValidator,
  operation: OperationSchemas,
  path: Readonly<Record<string, string>>,
  request: EmulatorRequest,
): CheckedRequest {
  const plan = planOf(validator, operation);
  const checkedPath: Record<string, string> = {};
  const query: Record<string, string | number> = {};
  const { parameters } = operation;
  for (let i = 0; i < parameters.length; i++) {
    const parameter = parameters[i]!;
    const raw =
      parameter.in === "path" ? path[parameter.name] : (request.url.searchParams.get(parameter.name) ?? undefined);
    const value = checkParameter(validator, parameter, plan.numeric[i]!, raw);
    if (value === undefined) continue;
    if (parameter.in === "path") checkedPath[parameter.name] = String(value);
    else query[parameter.name] = value;
  }
  const body = decodeBody(operation, plan.lists, request);
  const decoded: Decoded | undefined = operation.body ? new Map() : undefined;
  checkBody(validator, operation, body, decoded);
  return { path: checkedPath, query, body, decoded };
}

// The comparable facts of an OpenAPI description, ours (3.1) or Twilio's
// published one (3.0, with `nullable`, enum `$ref`s beside `type`, untyped
// JSON-in-form fields and one `servers` per path): per operation, its path
// and query parameters, request fields, success statuses and response
// fields, each reduced to what a client depends on (required, type, enum
// values, pattern). Descriptions, examples, headers, formats, nullability
// and the `x-twilio` bookkeeping are left out: they are not the contract.
import { operationsOf, resolve } from "../codegen/facts.mts";

type Json = Record<string, any>;

/** What is compared of one parameter or field. */
export interface FieldFact {
  /** A path parameter's name (they are compared by position). */
  name?: string;
  required?: boolean;
  /** JSON types other than null, sorted and joined by `|`; `any` when the description gives none. */
  type: string;
  /** `json` when a string carries a JSON document described by `contentSchema` (a JSON-in-form field). */
  carries?: "json";
  enum?: string[];
  pattern?: string;
  /** Why our description knowingly differs from Twilio's here (`x-upstream-deviation`), own or a parent field's. */
  deviation?: string;
}

/** One operation's facts, keyed by subject: `path parameter 1`, `query parameter PageSize`, `request field Channel`, `response field channels[].sid`. */
export interface OperationFacts {
  method: string;
  /** The path as the description writes it. */
  path: string;
  operationId: string;
  /** 2xx statuses, sorted. */
  success: string[];
  /** Media type of the request body, when it has one. */
  body?: string;
  fields: Record<string, FieldFact>;
  /** The `x-upstream-deviations` of its path item and of the operation itself. */
  listed: ListedDeviation[];
}

/** An entry of `x-upstream-deviations`: on a path item, an operation, or at the top level (with `path`). */
export interface ListedDeviation {
  /** At the top level: the path it is about (every method of it), e.g. one of Twilio's we do not cover. */
  path?: string;
  /** The subject it covers, and that subject's fields; `operation` (the whole operation) when absent. */
  at?: string;
  reason: string;
}

/** The extension that lists known deviations of operations, path items or the whole description. */
export const DEVIATIONS = "x-upstream-deviations";

/** `/v1/Interactions/{Sid}` → `/v1/Interactions/{}`: paths match whatever their parameters are named. */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, "{}");
}

/** The key of an operation across descriptions: `GET /v1/Interactions/{}`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${pathShape(path)}`;
}

// The branches that describe a non-null value: anyOf/oneOf without their `null` branch.
function nonNull(doc: Json, schema: unknown): Json[] {
  const resolved = resolve(doc, schema);
  if (!resolved || typeof resolved !== "object") return [];
  const branches = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  if (!branches.length) return [resolved];
  return branches.flatMap((branch: unknown) => nonNull(doc, branch)).filter((b) => b.type !== "null");
}

function typeOf(schemas: Json[]): string {
  const types = new Set<string>();
  for (const schema of schemas) {
    const declared = [schema.type ?? []].flat().filter((t: string) => t !== "null");
    if (declared.length) for (const t of declared) types.add(t);
    else if (schema.properties) types.add("object");
    else if (schema.enum) types.add("string");
    else types.add("any");
  }
  return types.size ? [...types].sort().join("|") : "any";
}

/** The extension in our descriptions that lists a known deviation from Twilio's, with its reason. */
export const DEVIATION = "x-upstream-deviation";

function fieldFact(doc: Json, schema: unknown, required?: boolean, inherited?: string): FieldFact {
  const schemas = nonNull(doc, schema);
  const fact: FieldFact = { type: typeOf(schemas) };
  const reason = [schema as Json, resolve(doc, schema), ...schemas].find((s) => typeof s?.[DEVIATION] === "string");
  if (reason || inherited) fact.deviation = reason?.[DEVIATION] ?? inherited;
  if (required !== undefined) fact.required = required;
  if (schemas.some((s) => s.contentMediaType === "application/json")) fact.carries = "json";
  const values = schemas.flatMap((s) => s.enum ?? (s.const === undefined ? [] : [s.const]));
  if (values.length) fact.enum = [...new Set(values.map(String))].filter((v) => v !== "null").sort();
  const pattern = schemas.find((s) => typeof s.pattern === "string")?.pattern;
  if (pattern) fact.pattern = pattern;
  return fact;
}

// Object properties of a schema, with the names it requires: allOf parts are
// merged; oneOf/anyOf alternatives (such as the close and leave forms of a
// channel update) are united, a property then allowing what any of them
// allows, and required only when every alternative requires it.
function propertiesOf(doc: Json, schema: unknown): { properties: Json; required: string[] } | undefined {
  const alternatives = nonNull(doc, schema)
    .map((s) => [s, ...(s.allOf ?? []).map((p: unknown) => resolve(doc, p))].filter((p) => p?.properties))
    .filter((parts) => parts.length);
  if (!alternatives.length) return undefined;
  const properties: Json = {};
  for (const parts of alternatives)
    for (const part of parts)
      for (const [name, property] of Object.entries<unknown>(part.properties))
        properties[name] = properties[name] ? { anyOf: [properties[name], property] } : property;
  const requiredBy = alternatives.map((parts) => new Set(parts.flatMap((p: Json) => p.required ?? [])));
  const required = Object.keys(properties).filter((name) => requiredBy.every((names) => names.has(name)));
  return { properties, required };
}

// Every field under `prefix`, descending into objects and array items that describe their properties.
function collect(
  doc: Json,
  schema: unknown,
  prefix: string,
  out: Record<string, FieldFact>,
  withRequired: boolean,
  inherited?: string,
  depth = 0,
): void {
  if (depth > 8) return;
  const object = propertiesOf(doc, schema);
  if (!object) return;
  for (const [name, property] of Object.entries(object.properties)) {
    const key = `${prefix}${name}`;
    const fact = fieldFact(doc, property, withRequired ? object.required.includes(name) : undefined, inherited);
    out[key] = fact;
    const items = nonNull(doc, property).find((s) => s.items)?.items;
    if (items) collect(doc, items, `${key}[].`, out, false, fact.deviation, depth + 1);
    else collect(doc, property, `${key}.`, out, false, fact.deviation, depth + 1);
  }
}

/** The facts of every operation of a description, by operation key. */
export function factsOf(doc: Json): Map<string, OperationFacts> {
  const facts = new Map<string, OperationFacts>();
  for (const { path, method, item, op, params } of operationsOf(doc)) {
    const fields: Record<string, FieldFact> = {};
    params
      .filter((p) => p.in === "path")
      .forEach((p, i) => (fields[`path parameter ${i + 1}`] = { name: p.name, ...fieldFact(doc, p.schema) }));
    for (const p of params.filter((p) => p.in === "query" || p.in === "header")) {
      fields[`${p.in} parameter ${p.name}`] = fieldFact(doc, p.schema, p.required === true);
    }
    const content: Json = resolve(doc, op.requestBody)?.content ?? {};
    const [body, media] = Object.entries(content)[0] ?? [];
    if (media) collect(doc, media.schema, "request field ", fields, true);
    const success = Object.keys(op.responses ?? {})
      .filter((status) => /^2\d\d$/.test(status))
      .sort();
    const answer = success.map((s) => resolve(doc, op.responses[s])).find((r) => r?.content?.["application/json"]);
    if (answer) collect(doc, answer.content["application/json"].schema, "response field ", fields, false);
    const listed = [...(item[DEVIATIONS] ?? []), ...(op[DEVIATIONS] ?? [])];
    const entry: OperationFacts = {
      method: method.toUpperCase(),
      path,
      operationId: op.operationId,
      success,
      fields,
      listed,
    };
    if (body) entry.body = body;
    facts.set(operationKey(method, path), entry);
  }
  return facts;
}

/** The API's host: the description's `servers`, or the first path's (Twilio repeats them per path). */
export function serverOf(doc: Json): string | undefined {
  const firstPath = Object.values<Json>(doc.paths ?? {})[0];
  const url = doc.servers?.[0]?.url ?? firstPath?.servers?.[0]?.url;
  return typeof url === "string" ? new URL(url).host : undefined;
}

/** Whether a path belongs to the Interactions family: a segment that names interactions. */
export function isInteractionsPath(path: string): boolean {
  return path.split("/").some((segment) => /Interaction/.test(segment) && !segment.startsWith("{"));
}

// What a parity report says of a request or a response, read with our bundled
// descriptions: which operation a URL is (its path template), and the shape
// of a JSON value: every field's path, the JSON types seen there and, where
// the schema names an enum, the values seen. Nothing else of a value is kept,
// so no SID, number, name or secret reaches a report.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { apis } from "../../generated/apis";
import { typeOf } from "../../src/testing/schema-rules";
import { resolve } from "../codegen/facts.mts";

type Json = Record<string, any>;
type ApiName = keyof typeof apis;

/** One field of a shape: the JSON types seen at a path, and the enum values seen there. */
export interface FieldShape {
  types: string[];
  values?: string[];
}

/** Field path (`channels[].status`, `Routing.properties.workspace_sid`) → what was seen there. */
export type Shape = Record<string, FieldShape>;

/** The operation a request went to, with the schemas that describe its parameters and answers. */
export interface OperationRef {
  api: ApiName;
  operationId: string;
  method: string;
  /** The path template, e.g. `/v1/Interactions/{Sid}`. */
  path: string;
  /** Path parameter name → the value in this request (kept out of reports). */
  pathParams: Record<string, string>;
}

const docs = Object.fromEntries(
  (Object.keys(apis) as ApiName[]).map((name) => [
    name,
    parse(readFileSync(new URL(`../../generated/openapi/${name}.yaml`, import.meta.url), "utf8")) as Json,
  ]),
) as Record<ApiName, Json>;

const templates = (Object.keys(apis) as ApiName[]).flatMap((api) =>
  Object.keys(apis[api].paths).map((path) => {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, "([^/]+)")}$`);
    return { api, path, names, pattern };
  }),
);

/** The operation of `method` + `url` in our descriptions, or undefined for a URL they do not have. */
export function operationOf(method: string, url: string): OperationRef | undefined {
  const pathname = new URL(url).pathname;
  for (const { api, path, names, pattern } of templates) {
    const match = pattern.exec(pathname);
    const facts = (apis[api].paths as Record<string, Json>)[path]?.[method.toLowerCase()];
    if (!match || !facts) continue;
    const pathParams = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return { api, operationId: facts.operationId, method: method.toUpperCase(), path, pathParams };
  }
  return undefined;
}

function operationObject(ref: OperationRef): Json {
  return resolve(docs[ref.api], docs[ref.api].paths[ref.path])[ref.method.toLowerCase()];
}

/** The schema of the request's form or JSON body. */
export function requestSchema(ref: OperationRef): unknown {
  const content = resolve(docs[ref.api], operationObject(ref).requestBody)?.content ?? {};
  return (Object.values(content)[0] as Json | undefined)?.schema;
}

/** The schema of the query parameters, as one object schema. */
export function querySchema(ref: OperationRef): unknown {
  const doc = docs[ref.api];
  const item = resolve(doc, doc.paths[ref.path]);
  const params = [...(item.parameters ?? []), ...(operationObject(ref).parameters ?? [])].map((p) => resolve(doc, p));
  const properties = Object.fromEntries(params.filter((p) => p.in === "query").map((p) => [p.name, p.schema]));
  return { type: "object", properties };
}

/** The schema of the answer with `status` (or the `default` one). */
export function responseSchema(ref: OperationRef, status: number): unknown {
  const doc = docs[ref.api];
  const responses = operationObject(ref).responses ?? {};
  const response = resolve(doc, responses[String(status)] ?? responses.default);
  return response?.content?.["application/json"]?.schema;
}

function fits(schema: Json, type: string): boolean {
  const declared = schema.type === undefined ? [] : [schema.type].flat();
  return declared.length === 0 || declared.includes(type) || (type === "integer" && declared.includes("number"));
}

// The schemas a value may be described by: the schema itself and the branches of
// its anyOf/oneOf/allOf, resolved, keeping those that allow the value's type.
function candidates(doc: Json, schema: unknown, type: string): Json[] {
  const resolved = resolve(doc, schema);
  if (!resolved || typeof resolved !== "object") return [];
  const branches = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
  const own = fits(resolved, type) ? [resolved] : [];
  return [...own, ...branches.flatMap((branch: unknown) => candidates(doc, branch, type))];
}

function add(shape: Shape, path: string, type: string, value?: string): void {
  const field = (shape[path] ??= { types: [] });
  if (!field.types.includes(type)) field.types = [...field.types, type].sort();
  if (value !== undefined && !field.values?.includes(value)) field.values = [...(field.values ?? []), value].sort();
}

function walk(doc: Json, shape: Shape, value: unknown, schema: unknown, path: string): void {
  const type = typeOf(value);
  const schemas = candidates(doc, schema, type);
  const enumerated = schemas.some((s) => Array.isArray(s.enum) || s.const !== undefined);
  add(shape, path, type, enumerated && typeof value === "string" ? value : undefined);
  if (type === "string") {
    // A JSON string with a contentSchema (a JSON-in-form field, task attributes): its fields, not its text.
    const carrier = schemas.find((s) => s.contentMediaType === "application/json");
    if (!carrier) return;
    let decoded: unknown;
    try {
      decoded = JSON.parse(value as string);
    } catch {
      return;
    }
    if (decoded && typeof decoded === "object") walkChildren(doc, shape, decoded, [carrier.contentSchema], path);
    return;
  }
  if (type === "array" || type === "object") walkChildren(doc, shape, value as object, schemas, path);
}

function walkChildren(doc: Json, shape: Shape, value: object, schemas: unknown[], path: string): void {
  const resolved = schemas.flatMap((s) => candidates(doc, s, Array.isArray(value) ? "array" : "object"));
  if (Array.isArray(value)) {
    const items = resolved.find((s) => s.items)?.items;
    for (const item of value) walk(doc, shape, item, items, `${path}[]`);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const property = resolved.find((s) => s.properties?.[key])?.properties?.[key];
    walk(doc, shape, child, property, path ? `${path}.${key}` : key);
  }
}

/**
 * The shape of `value` as described by `schema` of API `api`: paths, types,
 * and the enum values seen. The top level itself is left out.
 *
 * @example
 * ```ts
 * shapeOf("flex", { status: "active" }, schema); // { status: { types: ["string"], values: ["active"] } }
 * ```
 */
export function shapeOf(api: ApiName, value: unknown, schema: unknown): Shape {
  const shape: Shape = {};
  if (value && typeof value === "object") walkChildren(docs[api], shape, value, [schema], "");
  return shape;
}

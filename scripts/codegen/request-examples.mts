// The request examples of an operation, as the SDK call writes them: the
// JSON-in-form fields decoded into objects, printed as JavaScript literals.
// The API reference's code samples (code-samples.mts) and the resource
// methods' hovers (resource-types.mts) both show them.
import { resolve } from "./facts.mts";
import type { MethodNode } from "./resources.mts";

type Json = Record<string, any>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript literal of a JSON value, with bare keys where they are identifiers. */
export function literal(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (!entries.length) return "{}";
    const inner = `${indent}  `;
    const lines = entries.map(
      ([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v, inner)},`,
    );
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The same literal on one line (`{ a: 1, b: [2] }`), for a formatter to break as it sees fit. */
export function inlineLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineLiteral).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${inlineLiteral(v)}`,
    );
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

/** One request example with its JSON-in-form fields decoded. */
export interface RequestExample {
  name: string;
  body: Json;
  /** The form fields that were JSON strings. */
  decoded: Set<string>;
}

/** Every request example of the operation behind `method`, in document order. */
export function requestExamples(doc: Json, method: MethodNode): RequestExample[] {
  if (method.params !== "body") return [];
  const op = doc.paths[method.path][method.httpMethod];
  const content = resolve(doc, op.requestBody)?.content?.[method.bodyMedia!];
  if (!content) return [];
  const named: [string, unknown][] =
    content.example !== undefined
      ? [["example", content.example]]
      : Object.entries<Json>(content.examples ?? {}).map(([name, example]) => [name, resolve(doc, example)?.value]);
  const properties = formProperties(doc, content.schema);
  return named.flatMap(([name, example]) => {
    if (!example || typeof example !== "object") return [];
    const body: Json = {};
    const decoded = new Set<string>();
    for (const [field, value] of Object.entries(example)) {
      if (properties.get(field)?.contentMediaType === "application/json" && typeof value === "string") {
        body[field] = JSON.parse(value);
        decoded.add(field);
      } else {
        body[field] = value;
      }
    }
    return [{ name, body, decoded }];
  });
}

// The properties of a body schema and of its `oneOf` alternatives.
function formProperties(doc: Json, schema: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  const resolved = resolve(doc, schema) ?? {};
  for (const [name, property] of Object.entries(resolved.properties ?? {})) out.set(name, resolve(doc, property));
  for (const branch of resolved.oneOf ?? [])
    for (const [k, v] of formProperties(doc, branch)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** `interaction` for an operation answering an `Interaction`. */
export function resultName(method: MethodNode): string {
  const ref = method.response?.$ref;
  const name = typeof ref === "string" ? ref.split("/").pop()! : "result";
  return name.charAt(0).toLowerCase() + name.slice(1);
}

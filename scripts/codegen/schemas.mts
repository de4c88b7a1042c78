// Renders the JSON Schemas the emulator (twilio-interactions/testing) needs to
// validate requests without reading files: every component schema, stripped
// of prose and examples, and for every operation its parameters, its request
// body and its success status. Kept apart from operations.mts so the client's
// runtime data stays small.
import { type OperationEntry, operationsOf, resolve } from "./facts.mts";

type Json = Record<string, any>;

// Prose and samples: the validator never reads them.
const DROPPED = new Set(["description", "summary", "example", "examples", "externalDocs"]);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    // Under `properties` the keys are field names, which may well be "description".
    out[key] = key === "properties" ? mapValues(value as Json, strip) : strip(value);
  }
  return out;
}

function mapValues(map: Json, f: (value: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, f(value)]));
}

function successStatus(op: Json): number {
  const status = Object.keys(op.responses ?? {}).find((code) => code.startsWith("2"));
  if (!status) throw new Error(`${op.operationId}: no 2xx response`);
  return Number(status);
}

function operationSchemas(doc: Json, { path, method, op, params }: OperationEntry): Json {
  const entry: Json = {
    method,
    path,
    status: successStatus(op),
    parameters: params.map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: strip(p.schema) })),
  };
  const body = resolve(doc, op.requestBody);
  const [mediaType, media] = Object.entries<Json>(body?.content ?? {})[0] ?? [];
  if (mediaType && media) entry.body = { mediaType, required: body.required === true, schema: strip(media.schema) };
  return entry;
}

/** The `generated/<api>-schemas.ts` module of one bundled API document. */
export function renderSchemas(apiName: string, doc: Json): string {
  const operations: Json = {};
  for (const entry of operationsOf(doc)) operations[entry.op.operationId] = operationSchemas(doc, entry);
  const data = { schemas: mapValues(doc.components?.schemas ?? {}, strip), operations };
  return [
    'import type { ApiSchemas } from "../src/testing/schema-types";',
    "",
    `/** The ${apiName} API's request schemas, for the emulator's validation, derived from spec/. */`,
    `export const ${apiName}Schemas = ${JSON.stringify(data)} as const satisfies ApiSchemas;`,
    "",
  ].join("\n");
}

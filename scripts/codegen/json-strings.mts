// Finds the JSON-encoded strings of responses (a schema property with
// `contentMediaType: application/json` and a `contentSchema`, outside the form
// bodies) and compacts each decoded schema into the `JsonShape` data that
// src/json-shape.ts checks decoded values against. Keyed `Schema.property`,
// for example `TaskRouterTask.attributes`.
import type { JsonShape } from "../../src/json-shape";
import { resolve } from "./facts.mts";

type Json = Record<string, any>;

function compact(doc: Json, node: unknown): JsonShape {
  const schema = resolve(doc, node) ?? {};
  const shape: { -readonly [K in keyof JsonShape]: JsonShape[K] } = {};
  if (schema.type !== undefined) shape.type = [schema.type].flat();
  if (Array.isArray(schema.enum)) shape.enum = schema.enum;
  if (typeof schema.pattern === "string") shape.pattern = schema.pattern;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) shape.anyOf = alternatives.map((branch: unknown) => compact(doc, branch));
  if (schema.properties) {
    shape.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, compact(doc, property)]),
    );
  }
  if (schema.items) shape.items = compact(doc, schema.items);
  return shape;
}

/** `Schema.property` → decoded shape, for every JSON string in the document's response schemas. */
export function jsonStrings(doc: Json, formSchemas: readonly string[]): Record<string, JsonShape> {
  const found: Record<string, JsonShape> = {};
  for (const [name, schema] of Object.entries<Json>(doc.components?.schemas ?? {})) {
    if (formSchemas.includes(name)) continue;
    for (const [property, node] of Object.entries<Json>(schema.properties ?? {})) {
      const field = resolve(doc, node);
      if (field?.contentMediaType === "application/json" && field.contentSchema) {
        found[`${name}.${property}`] = compact(doc, field.contentSchema);
      }
    }
  }
  return found;
}

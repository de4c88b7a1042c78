// House rules of the API descriptions that redocly cannot express: every
// schema and property is described, every field named like a SID carries a
// SID pattern, and no field is left untyped.
import { describe, expect, it } from "vitest";
import { API_NAMES, type Json, resolve, loadSpec } from "../helpers/spec";

const SID_PATTERN = /^\^(\[a-zA-Z\]\{2\}|[A-Z]{2})\[0-9a-fA-F\]\{32\}\$$/;

interface Property {
  where: string;
  name: string;
  schema: Json;
}

// Every property of every schema reachable from components, with its location.
function properties(doc: Json): Property[] {
  const found: Property[] = [];
  const visit = (schema: Json | undefined, where: string) => {
    if (!schema || typeof schema !== "object" || schema.$ref) return;
    for (const [name, sub] of Object.entries<Json>(schema.properties ?? {})) {
      found.push({ where: `${where}.${name}`, name, schema: sub });
      visit(sub, `${where}.${name}`);
    }
    for (const key of ["items", "contentSchema", "additionalProperties"]) visit(schema[key], `${where}[${key}]`);
    for (const key of ["anyOf", "oneOf", "allOf"])
      (schema[key] ?? []).forEach((s: Json, i: number) => visit(s, `${where}[${key}${i}]`));
  };
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) visit(schema, name);
  return found;
}

function alternatives(doc: Json, schema: Json): Json[] {
  const options = schema.anyOf ?? schema.oneOf;
  return options ? options.map((s: Json) => resolve(doc, s)) : [resolve(doc, schema)];
}

describe.each(API_NAMES)("the %s API description", (api) => {
  const doc = loadSpec(api);
  const props = properties(doc);

  it("describes every component schema", () => {
    const bare = Object.entries<Json>(doc.components.schemas).filter(([, s]) => !s.description);
    expect(bare.map(([name]) => name)).toEqual([]);
  });

  it("describes every schema property (directly or through the schema it references)", () => {
    const bare = props.filter(({ schema }) => !schema.description && !resolve(doc, schema)?.description);
    expect(bare.map((p) => p.where)).toEqual([]);
  });

  it("types every property", () => {
    const typed = (s: Json) => s.type || s.$ref || s.anyOf || s.oneOf || s.enum || s.const !== undefined;
    expect(props.filter(({ schema }) => !typed(schema)).map((p) => p.where)).toEqual([]);
  });

  it("gives every SID field its SID pattern", () => {
    const sidNamed = props.filter(({ name }) => /(^sid|_sid|Sid)$/.test(name));
    expect(sidNamed.length).toBeGreaterThan(5);
    const missing = sidNamed.filter(
      ({ schema }) =>
        alternatives(doc, schema).every((s) => s.type === "null" || !SID_PATTERN.test(s.pattern ?? "")) ||
        alternatives(doc, schema).some((s) => s.type !== "null" && !SID_PATTERN.test(s.pattern ?? "")),
    );
    expect(missing.map((p) => p.where)).toEqual([]);
  });

  it("writes nullability the OpenAPI 3.1 way", () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"nullable"');
  });

  it("describes every operation and parameter", () => {
    for (const item of [...Object.values<Json>(doc.paths), ...Object.values<Json>(doc.webhooks ?? {})]) {
      for (const param of item.parameters ?? []) expect(resolve(doc, param).description).toBeTruthy();
      for (const op of Object.values<Json>(item).filter((v) => v.operationId)) {
        expect(op.summary, op.operationId).toBeTruthy();
        expect(op.description, op.operationId).toBeTruthy();
        for (const param of op.parameters ?? []) expect(resolve(doc, param).description).toBeTruthy();
      }
    }
  });
});

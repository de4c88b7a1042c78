// The emulator's own JSON Schema validator (it cannot use Ajv at run time)
// agrees with Ajv on every request body example of the spec and on broken
// variants of each: a required field removed, a field of the wrong type,
// a JSON-in-form field holding broken JSON.
import { describe, expect, it } from "vitest";
import { flexSchemas } from "../../generated/flex-schemas";
import { proxySchemas } from "../../generated/proxy-schemas";
import { SchemaValidator } from "../../src/testing/json-schema";
import { API_NAMES, type Json, loadSpec, operationsOf, resolve, schemaValidator } from "../helpers/spec";

const ours = { flex: new SchemaValidator(flexSchemas.schemas), proxy: new SchemaValidator(proxySchemas.schemas) };

const cases = API_NAMES.flatMap((api) => {
  const doc = loadSpec(api);
  return operationsOf(doc).flatMap(({ op }) => {
    const content = resolve(doc, op.requestBody)?.content ?? {};
    return Object.values<Json>(content).flatMap((media) =>
      Object.entries<Json>(media.examples ?? {}).map(([name, example]) => ({
        api,
        name: `${op.operationId} ${name}`,
        schema: media.schema as Json,
        value: resolve(doc, example).value as Json,
      })),
    );
  });
});

function variants(schema: Json, value: Json, api: (typeof API_NAMES)[number]): Json[] {
  const resolved = resolve(loadSpec(api), schema);
  const out: Json[] = [];
  for (const name of resolved.required ?? []) {
    const { [name]: _, ...rest } = value;
    out.push(rest);
  }
  for (const name of Object.keys(value)) {
    out.push({ ...value, [name]: 12345 });
    out.push({ ...value, [name]: "{not json" });
    out.push({ ...value, [name]: JSON.stringify({ unexpected: true }) });
  }
  return out;
}

describe("the emulator's validator agrees with Ajv", () => {
  it("has request examples to compare", () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)("$name and its broken variants", ({ api, schema, value }) => {
    const ajv = schemaValidator(api);
    for (const candidate of [value, ...variants(schema, value, api)]) {
      const theirs = ajv.errors(schema, candidate).length === 0;
      expect(ours[api].errors(schema, candidate).length === 0, JSON.stringify(candidate)).toBe(theirs);
    }
    expect(ours[api].errors(schema, value)).toEqual([]);
  });
});

describe("oneOf branches", () => {
  const kindA = { type: "object", required: ["kind"], properties: { kind: { const: "a" }, n: { type: "integer" } } };
  const kindB = {
    type: "object",
    required: ["kind"],
    properties: { kind: { const: "b" }, s: { type: "string", format: "email" } },
  };
  const validator = new SchemaValidator({ KindA: kindA, KindB: kindB });
  const either = { oneOf: [{ $ref: "#/components/schemas/KindA" }, { $ref: "#/components/schemas/KindB" }] };
  const inForm = {
    type: "object",
    properties: { Kind: { type: "string", contentMediaType: "application/json", contentSchema: either } },
  };

  it("reports the errors of the branch the value names, formats included", () => {
    expect(validator.errors(either, { kind: "b", s: "not an address", n: "x" })).toEqual([
      { at: "/s", message: "must be a valid email" },
    ]);
    expect(validator.errors(inForm, { Kind: JSON.stringify({ kind: "a", n: 1.5 }) })).toEqual([
      { at: "/Kind/n", message: "must be integer, not number", mismatch: true },
    ]);
  });

  it("reports the closest branch when the value names none", () => {
    expect(validator.errors(either, { kind: "c", n: "x" })).toEqual([
      { at: "/kind", message: 'must be "b"', mismatch: true },
    ]);
    expect(validator.errors(inForm, { Kind: JSON.stringify({ kind: "c" }) })).toEqual([
      { at: "/Kind/kind", message: 'must be "a"', mismatch: true },
    ]);
  });
});

// The verdict (the walk every request takes) and the walk that writes the messages (only for a refused
// value) must agree: a value is refused exactly when there is an error to show. Seeded mutations of every
// example, JSON-in-form fields included, are checked by both and by Ajv.
describe("the verdict and the error walk", () => {
  const leaves = [null, 0, 1.5, -1, "", "x", "sms", "agent", "customer", "a@b.c", "UO" + "0".repeat(32), true, [], {}];
  function mutate(value: unknown, next: () => number, depth = 0): unknown {
    const pick = next() % 5;
    if (pick === 0 || depth > 4) return leaves[next() % leaves.length];
    if (typeof value === "string" && value.startsWith("{")) {
      const decoded = (() => {
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return undefined;
        }
      })();
      return decoded === undefined ? value : JSON.stringify(mutate(decoded, next, depth + 1));
    }
    if (Array.isArray(value)) return value.map((item) => (next() % 2 ? mutate(item, next, depth + 1) : item));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = { ...value };
      const names = Object.keys(out);
      const name = names[next() % Math.max(names.length, 1)];
      if (name === undefined || pick === 1) out[`extra${next() % 3}`] = leaves[next() % leaves.length];
      else if (pick === 2) delete out[name];
      else out[name] = mutate(out[name], next, depth + 1);
      return out;
    }
    return value;
  }

  it.each(cases)("$name, mutated", ({ api, schema, value }) => {
    const ajv = schemaValidator(api);
    let seed = cases.findIndex((c) => c.value === value) + 1;
    const next = () => (seed = (seed * 48271) % 2147483647);
    let refused = 0;
    for (let i = 0; i < 150; i++) {
      const candidate = mutate(value, next) as Json;
      const valid = ours[api].valid(schema, candidate);
      const shown = JSON.stringify(candidate);
      expect(ours[api].errors(schema, candidate).length === 0, shown).toBe(valid);
      expect(valid, shown).toBe(ajv.errors(schema, candidate).length === 0);
      if (!valid) refused++;
    }
    expect(refused).toBeGreaterThan(0);
  });
});

// Every example in both descriptions is valid against its schema: request
// bodies (including the JSON inside JSON-in-form fields), responses,
// parameters, headers and schema-level examples. They double as mock
// responses and test fixtures, so a wrong example is a wrong test.
import { describe, expect, it } from "vitest";
import { API_NAMES, type Json, resolve, loadSpec, operationsOf, schemaValidator } from "../helpers/spec";

interface Case {
  where: string;
  schema: Json;
  value: unknown;
}

function mediaExamples(doc: Json, where: string, media: Json | undefined): Case[] {
  if (!media?.schema) return [];
  const cases: Case[] = [];
  if ("example" in media) cases.push({ where, schema: media.schema, value: media.example });
  for (const [name, example] of Object.entries<Json>(media.examples ?? {})) {
    cases.push({ where: `${where} example "${name}"`, schema: media.schema, value: resolve(doc, example).value });
  }
  return cases;
}

function collect(doc: Json): Case[] {
  const cases: Case[] = [];
  for (const { path, method, op, params } of operationsOf(doc)) {
    const at = `${method.toUpperCase()} ${path}`;
    for (const [type, media] of Object.entries<Json>(resolve(doc, op.requestBody)?.content ?? {})) {
      cases.push(...mediaExamples(doc, `${at} request ${type}`, media));
    }
    for (const [status, response] of Object.entries<Json>(op.responses)) {
      const resolved = resolve(doc, response);
      for (const [type, media] of Object.entries<Json>(resolved.content ?? {})) {
        cases.push(...mediaExamples(doc, `${at} ${status} ${type}`, media));
      }
      for (const [name, header] of Object.entries<Json>(resolved.headers ?? {})) {
        const h = resolve(doc, header);
        if ("example" in h) cases.push({ where: `${at} ${status} header ${name}`, schema: h.schema, value: h.example });
      }
    }
    for (const param of params) {
      if ("example" in param)
        cases.push({ where: `${at} parameter ${param.name}`, schema: param.schema, value: param.example });
    }
  }
  for (const [name, schema] of Object.entries<Json>(doc.components?.schemas ?? {})) {
    for (const [i, value] of (schema.examples ?? []).entries()) {
      cases.push({ where: `schema ${name} example ${i}`, schema: { $ref: `#/components/schemas/${name}` }, value });
    }
  }
  return cases;
}

describe.each(API_NAMES)("examples of the %s API", (api) => {
  const doc = loadSpec(api);
  const validator = schemaValidator(api);
  const cases = collect(doc);

  it("cover every request body and every success response", () => {
    for (const { path, method, op } of operationsOf(doc)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (op.requestBody)
        expect(
          cases.some((c) => c.where.startsWith(`${at} request`)),
          at,
        ).toBe(true);
      const success = Object.keys(op.responses).find((s) => s.startsWith("2"))!;
      if (op.responses[success].content) {
        expect(
          cases.some((c) => c.where.startsWith(`${at} ${success} `)),
          at,
        ).toBe(true);
      }
    }
  });

  it.each(cases.map((c) => [c.where, c] as const))("%s is valid", (_where, { schema, value }) => {
    expect(validator.errors(schema, value)).toEqual([]);
  });
});

describe("the validator", () => {
  const validator = schemaValidator("flex");
  const form = { $ref: "#/components/schemas/InboundInteractionForm" };

  it("checks the JSON inside a JSON-in-form field against its contentSchema", () => {
    expect(validator.errors(form, { Channel: '{"type":"fax","initiated_by":"api"}' })).toContainEqual(
      expect.stringContaining("/Channel/type (decoded JSON) must be equal to one of the allowed values"),
    );
    expect(validator.errors(form, { Channel: "{not json" })).toContain("/Channel is not valid JSON");
  });

  it("rejects a SID with the wrong prefix", () => {
    expect(
      validator.errors({ $ref: "#/components/schemas/InteractionSid" }, "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    ).not.toEqual([]);
  });
});

// Loads the bundled API descriptions and validates values against their
// schemas with Ajv (JSON Schema 2020-12), including the JSON carried inside
// strings: `contentSchema` is enforced, not just annotated.
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { apis } from "../../generated/apis";
import { resolve } from "../../scripts/codegen/facts.mts";

// The generator's own walkers of a bundled document, so the tests read it the same way.
export { operationsOf, resolve } from "../../scripts/codegen/facts.mts";

export type Json = Record<string, any>;
export type ApiName = keyof typeof apis;
/** Every API, from the generated registry. */
export const API_NAMES = Object.keys(apis) as ApiName[];

const docs = new Map<ApiName, Json>();

/** The bundled document `generated/openapi/<name>.yaml`. */
export function loadSpec(name: ApiName): Json {
  let doc = docs.get(name);
  if (!doc) {
    doc = parse(readFileSync(new URL(`../../generated/openapi/${name}.yaml`, import.meta.url), "utf8")) as Json;
    docs.set(name, doc);
  }
  return doc;
}

// Component refs become refs into one registered schema per API, so a
// sub-schema compiled on its own still resolves them.
function rebase(node: any, id: string): any {
  if (Array.isArray(node)) return node.map((item) => rebase(item, id));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${id}#/$defs/${value.slice(21)}`
        : rebase(value, id);
  }
  return out;
}

export interface SchemaValidator {
  /** Validation errors of `value` against `schema` (a schema object or a `$ref`), or `[]`. */
  errors(schema: Json, value: unknown): string[];
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}

export function schemaValidator(name: ApiName): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addFormat("int64", true);
  // Known values of an open enum: an annotation for the generated types, not a constraint.
  ajv.addKeyword({ keyword: "x-extensible-enum", schemaType: "array" });
  // Why a field knowingly differs from Twilio's description (npm run spec:upstream): an annotation.
  ajv.addKeyword({ keyword: "x-upstream-deviation", schemaType: "string" });
  ajv.removeKeyword("contentSchema");
  ajv.addKeyword({
    keyword: "contentSchema",
    schemaType: "object",
    compile(subschema: Json, parent: Json) {
      const inner = ajv.compile(subschema);
      const check = (data: unknown, context?: { instancePath: string }): boolean => {
        if (typeof data !== "string" || parent.contentMediaType !== "application/json") return true;
        const at = context?.instancePath ?? "";
        let decoded: unknown;
        try {
          decoded = JSON.parse(data);
        } catch {
          check.errors = [{ keyword: "contentSchema", message: "is not valid JSON", params: {}, instancePath: at }];
          return false;
        }
        if (inner(decoded)) return true;
        check.errors = (inner.errors ?? []).map((e) => ({
          ...e,
          instancePath: `${at}${e.instancePath}`,
          message: `(decoded JSON) ${e.message}`,
        }));
        return false;
      };
      check.errors = undefined as Partial<ErrorObject>[] | undefined;
      return check;
    },
  });
  const id = `https://twilio-interactions.test/${name}`;
  ajv.addSchema({ $id: id, $defs: rebase(loadSpec(name).components?.schemas ?? {}, id) });
  return {
    errors(schema, value) {
      const validate = ajv.compile(rebase(schema, id));
      return validate(value) ? [] : describe(validate.errors);
    },
  };
}

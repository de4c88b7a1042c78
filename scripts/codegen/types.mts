// Compiles a bundled API document into TypeScript types with openapi-typescript,
// adding what its CLI cannot: branded SID types for every SID pattern, a
// template-literal type for other identifiers with a literal prefix, open
// enums for `x-extensible-enum`, and the decoded object type for every
// JSON-in-form field; then names every schema (named-schemas.mts).
import openapiTS, { type SchemaObject, astToString, transformSchemaObject } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { type ApiFacts, SID_PATTERN } from "./facts.mts";
import { nameSchemas, requestOnlySchemas } from "./named-schemas.mts";

// A pattern made of a literal prefix and one repeated character class, such as
// `^flex_interactionwebhook_[0-9a-z]+$`: typed as `` `flex_interactionwebhook_${string}` ``.
const PREFIXED_PATTERN = /^\^([A-Za-z0-9_-]+)\[[^\]]+\][+*]\$$/;

const literal = (value: string) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value));
const stringKeyword = () => ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);

export async function renderTypes(bundledYaml: string, facts: ApiFacts): Promise<string> {
  const formSchemaPaths = facts.formSchemas.map((name) => `#/components/schemas/${name}/`);
  const isFormField = (path: string | undefined) =>
    !!path && (path.includes("/requestBody/") || formSchemaPaths.some((p) => `${path}/`.startsWith(p)));

  const ast = await openapiTS(bundledYaml, {
    alphabetize: true,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    inject: 'import type { Sid } from "../src/sid";',
    transform(node, options) {
      // openapi-typescript's SchemaObject type omits these 3.1 keywords.
      const schema = node as typeof node & {
        pattern?: string;
        contentMediaType?: string;
        contentSchema?: SchemaObject;
        "x-extensible-enum"?: unknown;
      };
      // `type: [string, "null"]` is split by openapi-typescript into one call per
      // type, so a nullable SID becomes `Sid<"XX"> | null` without help here.
      if (schema.type !== "string") return undefined;
      const prefix = typeof schema.pattern === "string" ? SID_PATTERN.exec(schema.pattern)?.[1] : undefined;
      if (prefix) return ts.factory.createTypeReferenceNode("Sid", [literal(prefix)]);
      const prefixed = typeof schema.pattern === "string" ? PREFIXED_PATTERN.exec(schema.pattern)?.[1] : undefined;
      if (prefixed) {
        return ts.factory.createTemplateLiteralType(ts.factory.createTemplateHead(prefixed), [
          ts.factory.createTemplateLiteralTypeSpan(stringKeyword(), ts.factory.createTemplateTail("")),
        ]);
      }
      // Known values for autocompletion, and any other string: `"a" | "b" | (string & {})`.
      const open = schema["x-extensible-enum"];
      if (Array.isArray(open) && open.every((v) => typeof v === "string")) {
        const anyString = ts.factory.createIntersectionTypeNode([
          stringKeyword(),
          ts.factory.createTypeLiteralNode([]),
        ]);
        return ts.factory.createUnionTypeNode([...open.map(literal), anyString]);
      }
      // The wire value of a JSON-in-form field is a string, but callers pass the
      // object: the runtime serialises it (see src/form.ts).
      if (schema.contentMediaType === "application/json" && schema.contentSchema && isFormField(options.path)) {
        return transformSchemaObject(schema.contentSchema, options);
      }
      return undefined;
    },
  });
  return nameSchemas(astToString(ast), requestOnlySchemas(parse(bundledYaml)));
}

// Gives every component schema of a generated API module its own top-level
// type, so editors show names: openapi-typescript writes each schema as a
// member of `components["schemas"]` and refers to it by indexed access, which
// TypeScript prints structurally (`Routing?: { ...; }` in a hover). Here each
// schema becomes `export type Name = …`, every indexed access becomes `Name`,
// and `components["schemas"]["Name"]` stays valid as `Name`.
//
// Arrays of the schemas only requests use become `readonly T[]`, so a request
// written `as const` type-checks; response arrays stay mutable.
import ts from "typescript";

type Json = Record<string, any>;

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
const INDEXED = /components\[(["'])schemas\1\]\[(["'])([^"']+)\2\]/g;

// The component schemas a schema uses, through every keyword that nests one.
function walk(doc: Json, node: unknown, into: Set<string>, decodeContent: boolean): void {
  if (Array.isArray(node)) return node.forEach((item) => walk(doc, item, into, decodeContent));
  if (!node || typeof node !== "object") return;
  const schema = node as Json;
  const ref = typeof schema.$ref === "string" ? COMPONENT_REF.exec(schema.$ref)?.[1] : undefined;
  if (ref) {
    if (into.has(ref)) return;
    into.add(ref);
    return walk(doc, doc.components?.schemas?.[ref], into, decodeContent);
  }
  for (const key of ["items", "additionalProperties", "not", "if", "then", "else"])
    walk(doc, schema[key], into, decodeContent);
  for (const key of ["allOf", "oneOf", "anyOf", "prefixItems"]) walk(doc, schema[key], into, decodeContent);
  for (const property of Object.values<unknown>(schema.properties ?? {})) walk(doc, property, into, decodeContent);
  // A JSON-in-form field is typed as its decoded object in requests only (see types.mts).
  if (decodeContent) walk(doc, schema.contentSchema, into, decodeContent);
}

const mediaSchemas = (content: Json | undefined) => Object.values<Json>(content ?? {}).map((media) => media.schema);
const resolveRef = (doc: Json, node: Json | undefined): Json | undefined => {
  const ref = typeof node?.$ref === "string" ? node.$ref : undefined;
  if (!ref?.startsWith("#/")) return node;
  return ref
    .slice(2)
    .split("/")
    .reduce((at: any, key: string) => at?.[key], doc);
};

/** Names of the component schemas that only request bodies use (directly or nested). */
export function requestOnlySchemas(doc: Json): Set<string> {
  const requests = new Set<string>();
  const others = new Set<string>();
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    const pathItem = resolveRef(doc, item) ?? {};
    for (const [method, op] of Object.entries<Json>(pathItem)) {
      if (method === "parameters") {
        walk(
          doc,
          (op as unknown as Json[]).map((p) => resolveRef(doc, p)?.schema),
          others,
          false,
        );
        continue;
      }
      if (!op || typeof op !== "object") continue;
      walk(doc, mediaSchemas(resolveRef(doc, op.requestBody)?.content), requests, true);
      for (const parameter of op.parameters ?? []) walk(doc, resolveRef(doc, parameter)?.schema, others, false);
      for (const response of Object.values<Json>(op.responses ?? {}))
        walk(doc, mediaSchemas(resolveRef(doc, response)?.content), others, false);
    }
  }
  // What Twilio sends to webhooks is read, like a response.
  for (const item of Object.values<Json>(doc.webhooks ?? {})) {
    for (const op of Object.values<Json>(resolveRef(doc, item) ?? {}))
      walk(doc, mediaSchemas(resolveRef(doc, op?.requestBody)?.content), others, false);
  }
  for (const response of Object.values<Json>(doc.components?.responses ?? {}))
    walk(doc, mediaSchemas(response.content), others, false);
  return new Set([...requests].filter((name) => !others.has(name)));
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

// The text of a type node, with every array in it made `readonly`.
function readonlyArrays(source: ts.SourceFile, node: ts.TypeNode): string {
  const edits: Edit[] = [];
  const visit = (child: ts.Node) => {
    if (ts.isArrayTypeNode(child)) {
      const start = child.getStart(source);
      edits.push({ start, end: start, text: "readonly " });
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  const base = node.getStart(source);
  return applyEdits(
    node.getText(source),
    edits.map((e) => ({ ...e, start: e.start - base, end: e.end - base })),
  );
}

/**
 * Rewrites the TypeScript of one generated API module: a top-level
 * `export type` per component schema (with its JSDoc), referenced by name.
 */
export function nameSchemas(text: string, readonlyIn: ReadonlySet<string>): string {
  const source = ts.createSourceFile("api.ts", text, ts.ScriptTarget.Latest, true);
  const components = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "components",
  );
  const schemas = components?.members.find(
    (m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText(source) === "schemas",
  );
  if (!schemas?.type || !ts.isTypeLiteralNode(schemas.type)) return text;
  const names = new Set<string>();
  const declarations: string[] = [];
  const edits: Edit[] = [];
  for (const member of schemas.type.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText(source).replace(/^["']|["']$/g, "");
    names.add(name);
    const docs = text.slice(member.getFullStart(), member.getStart(source)).trim();
    const type = readonlyIn.has(name) ? readonlyArrays(source, member.type) : member.type.getText(source);
    declarations.push(`${docs ? `${docs}\n` : ""}export type ${name} = ${type};`);
    edits.push({ start: member.getFullStart(), end: member.getEnd(), text: `\n${name}: ${name};` });
  }
  // openapi-typescript's own root aliases of schemas (`export type X = components["schemas"]["X"]`) are replaced.
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const target = statement.type.getText(source);
    INDEXED.lastIndex = 0;
    const match = INDEXED.exec(target);
    if (match && match[0] === target && match[3] === statement.name.text && names.has(match[3]))
      edits.push({ start: statement.getFullStart(), end: statement.getEnd(), text: "" });
  }
  const rewritten = `${applyEdits(text, edits)}\n${declarations.join("\n")}\n`;
  return rewritten.replace(INDEXED, (whole, _q1, _q2, name: string) => (names.has(name) ? name : whole));
}

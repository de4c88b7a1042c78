// Generates generated/shared.ts once from spec/shared/: the schemas every API
// shares (the page `meta`, the Twilio error body, the SID types), so the
// runtime's hand-written code types them from the spec rather than from one
// API's copy or a hand copy.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { repoRoot } from "./apis.mts";
import { renderTypes } from "./types.mts";

const SCHEMA_TYPES = new Set(["object", "string", "integer", "number", "boolean", "array", "null"]);
const SHARED_DIR = "spec/shared";

type Json = Record<string, any>;

// A shared file's entry is a schema when it has a JSON Schema type and is not a parameter.
const isSchema = (node: Json) =>
  node &&
  typeof node === "object" &&
  node.in === undefined &&
  [node.type].flat().some((type: unknown) => SCHEMA_TYPES.has(String(type)));

// `#/X` and `file.yaml#/X` between shared schemas become component refs.
function rebase(node: any): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === "$ref" && typeof value === "string" ? `#/components/schemas/${value.split("#/")[1]}` : rebase(value),
    ]),
  );
}

/** The TypeScript of generated/shared.ts. */
export async function renderShared(): Promise<string> {
  const schemas: Json = {};
  const files = (await readdir(join(repoRoot, SHARED_DIR))).filter((f) => f.endsWith(".yaml")).sort();
  for (const file of files) {
    const doc = parse(await readFile(join(repoRoot, SHARED_DIR, file), "utf8")) as Json;
    for (const [name, node] of Object.entries<Json>(doc)) {
      if (!isSchema(node)) continue;
      if (schemas[name])
        throw new Error(`${SHARED_DIR}/${file}: the schema ${name} is defined twice in ${SHARED_DIR}/`);
      schemas[name] = rebase(node);
    }
  }
  const document = {
    openapi: "3.1.0",
    info: { title: "Shared schemas", version: "1" },
    paths: {},
    components: { schemas },
  };
  return renderTypes(stringify(document), { server: "", paths: {}, formSchemas: [] });
}

// Renders the runtime data of an API as a typed constant: its name, server
// and summary, the facts of every operation (SID and patterned path
// parameters, query bounds, body encoding, JSON-in-form fields, list keys),
// its resource tree, its webhook events, and the decoded shapes of the JSON
// strings in its responses.
import type { JsonShape } from "../../src/json-shape";
import type { ApiFacts } from "./facts.mts";

export interface ApiInfo {
  name: string;
  title: string;
  summary: string;
}

export function renderOperations(
  info: ApiInfo,
  facts: ApiFacts,
  resources: unknown,
  shapes: Record<string, JsonShape>,
): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, { sids, patterns, operations }] of Object.entries(facts.paths)) {
    const entry: Record<string, unknown> = patterns ? { sids, patterns } : { sids };
    for (const { method, ...op } of operations) entry[method] = op;
    paths[path] = entry;
  }
  const constant = `${info.name}Api`;
  const data = { ...info, server: facts.server, paths, resources, ...(facts.webhooks && { webhooks: facts.webhooks }) };
  return [
    'import type { ApiDescription } from "../src/api-description";',
    'import type { JsonShape } from "../src/json-shape";',
    "",
    `/** What the ${info.name} API description says that the runtime needs, derived from spec/. */`,
    `export const ${constant} = ${JSON.stringify(data)} as const satisfies ApiDescription;`,
    "",
    `/** The decoded shape of each JSON string in the ${info.name} API's responses, keyed \`Schema.property\`. */`,
    `export const ${info.name}JsonStrings = ${JSON.stringify(shapes)} as const satisfies Record<string, JsonShape>;`,
    "",
  ].join("\n");
}

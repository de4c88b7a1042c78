// Renders the runtime data of an API (server, SID path parameters, query
// bounds, body encoding, JSON-in-form fields, list keys) as a typed constant,
// and the decoded shapes of the JSON strings in its responses.
import type { JsonShape } from "../../src/json-shape";
import type { ApiFacts } from "./facts.mts";

export function renderOperations(apiName: string, facts: ApiFacts, shapes: Record<string, JsonShape>): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, { sids, operations }] of Object.entries(facts.paths)) {
    const entry: Record<string, unknown> = { sids };
    for (const { method, ...op } of operations) entry[method] = op;
    paths[path] = entry;
  }
  const constant = `${apiName}Api`;
  return [
    'import type { ApiDescription } from "../src/api-description";',
    'import type { JsonShape } from "../src/json-shape";',
    "",
    `/** What the ${apiName} API description says that the runtime needs, derived from spec/. */`,
    `export const ${constant} = ${JSON.stringify({ server: facts.server, paths })} as const satisfies ApiDescription;`,
    "",
    `/** The decoded shape of each JSON string in the ${apiName} API's responses, keyed \`Schema.property\`. */`,
    `export const ${apiName}JsonStrings = ${JSON.stringify(shapes)} as const satisfies Record<string, JsonShape>;`,
    "",
  ].join("\n");
}

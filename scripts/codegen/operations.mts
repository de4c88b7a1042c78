// Renders the runtime data of an API (server, SID and patterned path parameters, query
// bounds, body encoding, JSON-in-form fields, list keys, webhook events) as a typed constant.
import type { ApiFacts } from "./facts.mts";

export function renderOperations(apiName: string, facts: ApiFacts): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, { sids, patterns, operations }] of Object.entries(facts.paths)) {
    const entry: Record<string, unknown> = patterns ? { sids, patterns } : { sids };
    for (const { method, ...op } of operations) entry[method] = op;
    paths[path] = entry;
  }
  const constant = `${apiName}Api`;
  return [
    'import type { ApiDescription } from "../src/api-description";',
    "",
    `/** What the ${apiName} API description says that the runtime needs, derived from spec/. */`,
    `export const ${constant} = ${JSON.stringify({ server: facts.server, paths, ...(facts.webhooks && { webhooks: facts.webhooks }) })} as const satisfies ApiDescription;`,
    "",
  ].join("\n");
}

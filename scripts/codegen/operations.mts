// Renders the runtime data of an API as typed constants: the facts of every
// operation (SID and patterned path parameters, query bounds, body encoding,
// JSON-in-form fields, list keys), its resource tree, the API's description
// for a client (name, server, summary, and those two; and without the tree for
// the path layer alone), its webhook events, and
// the decoded shapes of the JSON strings in its responses.
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
  const { name } = info;
  const about = JSON.stringify({ ...info, server: facts.server }).slice(1, -1);
  // What the client's types read from the data: each list path's list key.
  const listKeys = Object.fromEntries(
    Object.entries(facts.paths).flatMap(([path, { operations }]) =>
      operations.flatMap(({ method, listKey }) => (method === "get" && listKey ? [[path, listKey]] : [])),
    ),
  );
  // One constant per use, so a bundler drops what a program never reads: a client needs the paths and
  // the resource tree, a webhook receiver the events, the task-attribute decoders the JSON string shapes,
  // and a program using one API none of the other's.
  return [
    'import type { ApiDescription, NamedPathApiDescription, ResourceDescription, WebhooksDescription } from "../src/api-description";',
    'import type { JsonShape } from "../src/json-shape";',
    "",
    `/** The facts of every path of the ${name} API that the client checks and encodes by, derived from spec/. */`,
    `export const ${name}Paths = ${JSON.stringify(paths)} as const satisfies ApiDescription["paths"];`,
    "",
    `/** The resource tree of the ${name} API, whose methods \`twilio.${name}\` carries, derived from spec/. */`,
    `export const ${name}ResourceTree = ${JSON.stringify(resources)} as const satisfies ResourceDescription;`,
    "",
    `/** What the ${name} API description says that its path layer needs (no resource tree), derived from spec/. */`,
    // Typed by its list keys alone: the client's types need no more, and the package's declarations stay small.
    `export const ${name}PathApi: NamedPathApiDescription<${JSON.stringify(name)}, ${JSON.stringify(listKeys)}> = { ${about}, paths: ${name}Paths };`,
    "",
    `/** What the ${name} API description says that a client needs, derived from spec/. */`,
    // Its own literal rather than a spread of the one above, which a bundler could not drop when unused.
    `export const ${name}Api: typeof ${name}PathApi & Pick<ApiDescription, "resources"> = { ${about}, paths: ${name}Paths, resources: ${name}ResourceTree };`,
    ...(facts.webhooks
      ? [
          "",
          `/** The events the ${name} API sends to webhooks, and what a receiver checks in each, derived from spec/. */`,
          `export const ${name}Webhooks = ${JSON.stringify(facts.webhooks)} as const satisfies WebhooksDescription;`,
        ]
      : []),
    "",
    `/** The decoded shape of each JSON string in the ${name} API's responses, keyed \`Schema.property\`. */`,
    `export const ${name}JsonStrings = ${JSON.stringify(shapes)} as const satisfies Record<string, JsonShape>;`,
    "",
  ].join("\n");
}

// Renders the registry of the APIs the SDK covers: generated/apis.ts, the
// one runtime list the client, the mock, the docs and the tests loop over, and
// generated/clients.ts, its types (each API's client type, and its schema and
// resource types as a namespace), and generated/descriptions.ts, the API
// descriptions the package exports. An API added to redocly.yaml needs no edit
// elsewhere.
const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Entry {
  name: string;
  title: string;
}

/** generated/apis.ts */
export function renderRegistry(apis: Entry[]): string {
  const lines = apis.map(({ name }) => `import { ${name}Api } from "./${name}-operations";`);
  lines.push("", "/** Every API of the SDK, by the name of its client property (`twilio.<name>`). @internal */");
  lines.push(`export const apis = { ${apis.map(({ name }) => `${name}: ${name}Api`).join(", ")} } as const;`, "");
  // The names alone, for checks that must not pull every API's data into a one-API bundle.
  lines.push("/** The name of every API (`twilio.<name>`). @internal */");
  lines.push(`export const apiNames = ${JSON.stringify(apis.map(({ name }) => name))} as const;`, "");
  return lines.join("\n");
}

/** generated/descriptions.ts: each API's descriptions, public for `createClientFor` and `createPathClientFor`. */
export function renderDescriptions(apis: Entry[]): string {
  const lines = apis.map(
    ({ name, title }) =>
      `/** The ${title}, for \`createClientFor(${name}Api, options)\`. */\nexport { ${name}Api } from "./${name}-operations";\n` +
      `/** The ${title}'s paths alone, for \`createPathClientFor(${name}PathApi, options)\`. */\nexport { ${name}PathApi } from "./${name}-operations";`,
  );
  return [...lines, ""].join("\n");
}

/** generated/clients.ts */
export function renderClients(apis: Entry[]): string {
  const lines = ['import type { ApiClient } from "../src/types";'];
  for (const { name } of apis) {
    lines.push(
      `import type { ${name}Api } from "./${name}-operations";`,
      `import type { paths as ${pascal(name)}Paths } from "./${name}";`,
      `import type { ${pascal(name)}Resources } from "./${name}-resources";`,
    );
  }
  lines.push("");
  for (const { name, title } of apis) {
    lines.push(
      `/** The types of the ${title}: its schemas, named as in the spec, and its resources, handles and method params. */`,
      `export type * as ${pascal(name)}Api from "./${name}-resources";`,
      "",
      `/** The ${title} client, \`twilio.${name}\`: resource methods, and the path layer (\`GET\`, \`POST\`, \`DELETE\`, \`paginate\`) beneath them. */`,
      `export type ${pascal(name)}Client = ApiClient<${pascal(name)}Paths, typeof ${name}Api> & ${pascal(name)}Resources;`,
      "",
    );
  }
  lines.push("/** The client of every API, by name. */", "export interface ApiClients {");
  for (const { name, title } of apis) lines.push(`  /** ${title}. */`, `  readonly ${name}: ${pascal(name)}Client;`);
  lines.push("}", "");
  return lines.join("\n");
}

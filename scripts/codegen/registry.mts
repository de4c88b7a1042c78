// Renders generated/apis.ts: the one list of the APIs the SDK covers. The
// client, the mock, the docs and the tests loop over it, so an API added to
// redocly.yaml needs no edit elsewhere.
const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function renderRegistry(apis: { name: string; title: string }[]): string {
  const lines = ['import type { ApiClient } from "../src/types";'];
  for (const { name } of apis) {
    lines.push(
      `import { ${name}Api } from "./${name}-operations";`,
      `import type { paths as ${pascal(name)}Paths } from "./${name}";`,
      `import type { ${pascal(name)}Resources } from "./${name}-resources";`,
    );
  }
  lines.push("", "/** Every API of the SDK, by the name of its client property (`twilio.<name>`). */");
  lines.push(`export const apis = { ${apis.map(({ name }) => `${name}: ${name}Api`).join(", ")} } as const;`, "");
  for (const { name, title } of apis) {
    lines.push(
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

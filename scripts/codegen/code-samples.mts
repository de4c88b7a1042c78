// Adds `x-codeSamples` to every operation of a bundled document: the SDK call
// from the resource tree, then curl, both with the operation's first request
// example. JSON-in-form fields appear decoded (an object in TypeScript, JSON
// text in `--data-urlencode`), so the reference shows a readable request and
// not only percent-encoded form text.
import { type Document, isMap } from "yaml";
import { resolve } from "./facts.mts";
import { literal, requestExamples, resultName } from "./request-examples.mts";
import { type MethodNode, type ResourceNode, methodsOf } from "./resources.mts";

type Json = Record<string, any>;

function paramExample(doc: Json, param: Json | undefined, name: string): string {
  const schema = resolve(doc, param?.schema) ?? {};
  const value = param?.example ?? schema.examples?.[0] ?? schema.example;
  return typeof value === "string" ? value : `{${name}}`;
}

function typescriptSample(apiName: string, chain: string, method: MethodNode, body: Json | undefined): string {
  const call = `twilio.${apiName}${chain}(${body ? literal(body) : ""})`;
  const use = method.listKey
    ? `for await (const item of ${call}) {\n  console.log(item);\n}`
    : method.response
      ? `const ${resultName(method)} = await ${call};\nconsole.log(${resultName(method)});`
      : `await ${call};`;
  return [
    'import { createInteractionsClient } from "twilio-interactions";',
    "",
    "const twilio = createInteractionsClient(); // credentials from TWILIO_* environment variables",
    use,
    "",
  ].join("\n");
}

function curlSample(server: string, url: string, method: MethodNode, body: Json | undefined, decoded: Set<string>) {
  const lines = [`curl -X ${method.httpMethod.toUpperCase()} "${server}${url}"`];
  if (body && method.bodyMedia === "application/json") {
    lines.push(`-H "Content-Type: application/json"`, `--data '${JSON.stringify(body)}'`);
  } else if (body) {
    for (const [name, value] of Object.entries(body)) {
      const text = decoded.has(name) || typeof value !== "string" ? JSON.stringify(value) : value;
      lines.push(`--data-urlencode '${name}=${String(text).replace(/'/g, "'\\''")}'`);
    }
  }
  lines.push('-u "$TWILIO_API_KEY:$TWILIO_API_SECRET"');
  return `${lines.join(" \\\n  ")}\n`;
}

/**
 * The `lang` and `label` of the samples. Redoc shows a sample only when its
 * label is one of the languages the docs build configures
 * (scripts/docs/redoc.mts), and opens the first of those.
 */
export const SAMPLE_LANGUAGES = {
  typescript: { lang: "TypeScript", label: "TypeScript" },
  curl: { lang: "Shell", label: "curl" },
} as const;

/** Sets `x-codeSamples` on every operation of the bundled YAML document, in place. */
export function addCodeSamples(yaml: Document, doc: Json, apiName: string, tree: ResourceNode): void {
  const server = String(doc.servers?.[0]?.url ?? "");
  for (const { chain, method } of methodsOf(tree)) {
    const op = doc.paths[method.path][method.httpMethod];
    const params = [...(resolve(doc, doc.paths[method.path]).parameters ?? []), ...(op.parameters ?? [])].map(
      (p: unknown) => resolve(doc, p),
    );
    const values = method.pathParams.map((name) =>
      paramExample(
        doc,
        params.find((p: Json) => p.in === "path" && p.name === name),
        name,
      ),
    );
    let index = 0;
    const sidChain = chain.replace(/\(…\)/g, () => `(${JSON.stringify(values[index++])})`);
    const url = method.path.replace(/\{[^}]+\}/g, () => values.shift()!);
    const { body, decoded } = requestExamples(doc, method)[0] ?? { decoded: new Set<string>() };
    const node = yaml.getIn(["paths", method.path, method.httpMethod]);
    if (!isMap(node)) throw new Error(`${method.operationId}: no operation at ${method.path} in the bundle`);
    const samples = [
      { ...SAMPLE_LANGUAGES.typescript, source: typescriptSample(apiName, sidChain, method, body) },
      { ...SAMPLE_LANGUAGES.curl, source: curlSample(server, url, method, body, decoded) },
    ];
    node.set("x-codeSamples", yaml.createNode(samples));
  }
}

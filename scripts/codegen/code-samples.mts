// Adds `x-codeSamples` to every operation of a bundled document: the SDK call
// from the resource tree, then curl, both with the operation's first request
// example. JSON-in-form fields appear decoded (an object in TypeScript, JSON
// text in `--data-urlencode`), so the reference shows a readable request and
// not only percent-encoded form text.
import { type Document, isMap } from "yaml";
import { resolve } from "./facts.mts";
import { type MethodNode, type ResourceNode, methodsOf } from "./resources.mts";

type Json = Record<string, any>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript literal of a JSON value, with bare keys where they are identifiers. */
function literal(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (!entries.length) return "{}";
    const inner = `${indent}  `;
    const lines = entries.map(
      ([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v, inner)},`,
    );
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function firstExample(doc: Json, content: Json | undefined): unknown {
  if (!content) return undefined;
  if (content.example !== undefined) return content.example;
  const first = Object.values<Json>(content.examples ?? {})[0];
  return first === undefined ? undefined : resolve(doc, first)?.value;
}

function paramExample(doc: Json, param: Json | undefined, name: string): string {
  const schema = resolve(doc, param?.schema) ?? {};
  const value = param?.example ?? schema.examples?.[0] ?? schema.example;
  return typeof value === "string" ? value : `{${name}}`;
}

/** The request example with its JSON-in-form fields decoded, and the fields it decoded. */
function requestExample(doc: Json, op: Json, method: MethodNode): { body?: Json; decoded: Set<string> } {
  const decoded = new Set<string>();
  if (method.params !== "body") return { decoded };
  const content = resolve(doc, op.requestBody)?.content?.[method.bodyMedia!];
  const example = firstExample(doc, content) as Json | undefined;
  if (!example || typeof example !== "object") return { decoded };
  const properties = resolve(doc, content.schema)?.properties ?? {};
  const body: Json = {};
  for (const [name, value] of Object.entries(example)) {
    const field = resolve(doc, properties[name]);
    if (field?.contentMediaType === "application/json" && typeof value === "string") {
      body[name] = JSON.parse(value);
      decoded.add(name);
    } else {
      body[name] = value;
    }
  }
  return { body, decoded };
}

// `interaction` for an operation answering an `Interaction`.
function resultName(method: MethodNode): string {
  const ref = method.response?.$ref;
  const name = typeof ref === "string" ? ref.split("/").pop()! : "result";
  return name.charAt(0).toLowerCase() + name.slice(1);
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
    const { body, decoded } = requestExample(doc, op, method);
    const node = yaml.getIn(["paths", method.path, method.httpMethod]);
    if (!isMap(node)) throw new Error(`${method.operationId}: no operation at ${method.path} in the bundle`);
    const samples = [
      { ...SAMPLE_LANGUAGES.typescript, source: typescriptSample(apiName, sidChain, method, body) },
      { ...SAMPLE_LANGUAGES.curl, source: curlSample(server, url, method, body, decoded) },
    ];
    node.set("x-codeSamples", yaml.createNode(samples));
  }
}

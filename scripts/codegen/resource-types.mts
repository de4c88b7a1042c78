// Renders the types of an API's resource tree: one interface per resource
// (callable for a handle) and per handle, and a named type for every
// method's params and result, so hovers read
// `fetch(options?: RequestOptions): ApiPromise<Interaction>`. A body that is a
// `oneOf` of named forms gets one overload per form (then their union), so a
// compile error names the rule of the form meant; every method's JSDoc carries
// the spec's request example as a call. All of it is types: nothing here
// reaches the runtime bundle.
import * as prettier from "prettier";
import { resolve } from "./facts.mts";
import { type RequestExample, inlineLiteral, requestExamples, resultName } from "./request-examples.mts";
import type { InstanceNode, MethodNode, ResourceNode } from "./resources.mts";
import { lowerCamel } from "./resources.mts";

type Json = Record<string, any>;

const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function refName(schema: Json | undefined): string | undefined {
  const ref: unknown = schema?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice(21) : undefined;
}

function doc(lines: (string | undefined)[]): string {
  const text = lines
    .filter((l): l is string => !!l)
    .join("\n\n")
    .replace(/\*\//g, "*\\/");
  return `/**\n${text
    .split("\n")
    .map((l) => ` * ${l}`.trimEnd())
    .join("\n")}\n */\n`;
}

/** The operationId without its verb: `ListInteractionChannel` → `InteractionChannel`. */
function noun(operationId: string): string {
  return operationId.replace(/^[A-Z][a-z]+(?=[A-Z])/, "");
}

function nounOf(node: ResourceNode, apiName: string): string {
  const first = node.methods.values().next().value ?? node.instance?.methods.values().next().value;
  if (first) return noun(first.operationId);
  return (
    pascal(apiName) +
    node.segments
      .filter((s) => s !== "{}")
      .map(pascal)
      .join("")
  );
}

interface Rendered {
  imports: Set<string>;
  declarations: string[];
  names: Set<string>;
}

function claim(out: Rendered, name: string, schemaNames: Set<string>): string {
  if (out.names.has(name) || schemaNames.has(name)) {
    throw new Error(`The generated type name ${name} is used twice; rename an operationId or a schema in spec/.`);
  }
  out.names.add(name);
  return name;
}

function schemaType(out: Rendered, schema: Json | undefined, fallback: string): string {
  const name = refName(schema);
  if (name) {
    out.imports.add(name);
    return name;
  }
  return fallback;
}

// One overload per named alternative of a `oneOf` body (agent- or customer-initiated, close or leave),
// so a compile error names the broken rule of the alternative meant; then the union, for a value typed so.
function alternativesOf(doc_: Json, schema: Json | undefined): string[] {
  const branches: unknown[] = resolve(doc_, schema)?.oneOf ?? [];
  const names = branches.map((b) => refName(b as Json));
  return names.length > 1 && names.every(Boolean) ? (names as string[]) : [];
}

const singular = (key: string) => (key.endsWith("ies") ? `${key.slice(0, -3)}y` : key.replace(/s$/, "")) || "item";

// What an example does with the result: `const interaction = await …`, a `for await` over a list, or `await …`.
function exampleCode(m: MethodNode, chain: string, body: Json | undefined): string {
  const call = `${chain}.${m.name}(${body ? inlineLiteral(body) : ""})`;
  if (m.listKey) {
    const item = singular(m.listKey === "data" ? "item" : m.listKey);
    return [
      "// Item by item, fetching the pages as needed:",
      `for await (const ${item} of ${call}) console.log(${item});`,
      "// Or page by page:",
      `for await (const page of ${call}.pages()) console.log(page.items.length, page.meta.next_page_url);`,
    ].join("\n");
  }
  return m.response ? `const ${resultName(m)} = await ${call};` : `await ${call};`;
}

function example(code: string): string {
  return `@example\n\`\`\`ts\n${code}\n\`\`\``;
}

function renderMethod(out: Rendered, m: MethodNode, chain: string, schemaNames: Set<string>, doc_: Json): string {
  const op = `operations[${JSON.stringify(m.operationId)}]`;
  const operation = doc_.paths[m.path][m.httpMethod];
  const bodySchema: Json | undefined = resolve(doc_, operation.requestBody)?.content?.[m.bodyMedia ?? ""]?.schema;
  const args = (type?: string) =>
    [...(type ? [`params${m.required ? "" : "?"}: ${type}`] : []), "options?: RequestOptions"].join(", ");
  let paramsType: string | undefined;
  if (m.params) {
    paramsType = claim(out, `${m.operationId}Params`, schemaNames);
    const named = m.params === "body" ? refName(bodySchema) : undefined;
    if (named) out.imports.add(named);
    const source = named
      ? named
      : m.params === "body"
        ? `Input<NonNullable<${op}["requestBody"]>["content"][${JSON.stringify(m.bodyMedia)}]>`
        : `${m.listKey ? "ListParams" : "Input"}<NonNullable<${op}["parameters"]["query"]>>`;
    out.declarations.push(
      `${doc([`Parameters of \`${chain}.${m.name}()\` (${m.operationId}), named as in the API.`])}export type ${paramsType} = ${source};\n`,
    );
  }
  let result: string;
  const inline = `${op}["responses"][${m.status}]["content"]["application/json"]`;
  if (m.listKey) {
    const page = schemaType(out, m.response, inline);
    const items = m.response && resolve(doc_, m.response)?.properties?.[m.listKey]?.items;
    const item = refName(items) ? schemaType(out, items, "") : `${page}[${JSON.stringify(m.listKey)}][number]`;
    result = `Paginator<${item}, ${page}>`;
  } else if (m.response) {
    result = `ApiPromise<${schemaType(out, m.response, inline)}>`;
  } else {
    result = "ApiPromise<void>";
  }
  const lead = m.listKey
    ? "Iterates over the items of every page with `for await`; `.pages()` gives one page at a time (`page.items`, `page.meta`), `.toArray()` all the items."
    : m.response
      ? "Resolves to the result and throws a typed error (`TwilioApiError` and subclasses) on failure; `.withResponse()` adds the HTTP response."
      : "Resolves when done and throws a typed error on failure; `.withResponse()` gives the HTTP response.";
  const examples = requestExamples(doc_, m);
  const summary = m.summary ? `${m.summary}.` : undefined;
  const overloads = alternativesOf(doc_, bodySchema).map((branch) => {
    out.imports.add(branch);
    const branchDoc = resolve(doc_, { $ref: `#/components/schemas/${branch}` });
    const fits = examples.find((e) => fitsForm(doc_, branchDoc, encodedForm(e)));
    const what = [branchDoc.title, branchDoc.description].filter(Boolean).join(": ");
    return `${doc([summary, what, lead, fits ? example(exampleCode(m, chain, fits.body)) : undefined])}${m.name}(${args(branch)}): ${result};\n`;
  });
  const first = examples[0];
  const general = `${doc([summary, m.description, lead, example(exampleCode(m, chain, first?.body ?? (m.params && m.required ? {} : undefined)))])}${m.name}(${args(paramsType)}): ${result};\n`;
  return [...overloads, general].join("");
}

// Whether a form example belongs to one alternative of a body: its required fields are there, and
// each field meets the alternative's `const`, `enum` and `pattern` (patterns read JSON-in-form text).
function fitsForm(doc_: Json, form: Json, example: Json): boolean {
  if (!(form.required ?? []).every((name: string) => example[name] !== undefined)) return false;
  return Object.entries(example).every(([name, value]) => {
    const field = resolve(doc_, form.properties?.[name]) ?? {};
    if (field.const !== undefined && field.const !== value) return false;
    if (Array.isArray(field.enum) && !field.enum.includes(value)) return false;
    return typeof field.pattern !== "string" || new RegExp(field.pattern, "u").test(String(value));
  });
}

// An example as it goes over the wire: its decoded JSON-in-form fields encoded again.
function encodedForm(e: RequestExample): Json {
  return Object.fromEntries(Object.entries(e.body).map(([k, v]) => [k, e.decoded.has(k) ? JSON.stringify(v) : v]));
}

function sidVariable(instance: InstanceNode, nounName: string): string {
  const names = [...instance.paramNames];
  const name = names.find((n) => n !== "Sid") ?? names[0]!;
  return name === "Sid" ? `${lowerCamel(nounName)}Sid` : lowerCamel(name);
}

function renderNode(
  out: Rendered,
  node: ResourceNode,
  chain: string,
  apiName: string,
  schemaNames: Set<string>,
  doc_: Json,
): string {
  const nounName = nounOf(node, apiName);
  const resourceName = claim(out, `${nounName}Resource`, schemaNames);
  const members: string[] = [];
  if (node.instance) {
    const handleName = claim(out, `${nounName}Handle`, schemaNames);
    const variable = sidVariable(node.instance, nounName);
    const handleChain = `${chain}(${variable})`;
    const sid = node.instance.sid;
    const lead = `A handle on one item of \`${chain}\`: no request is sent until you call one of its methods.`;
    members.push(
      sid
        ? `${doc([lead, `@param ${variable} A ${sid}… SID. A plain \`string\` does not type-check: check it first with \`asSid("${sid}", value)\`.`])}<S extends string>(${variable}: SidArg<"${sid}", S>): ${handleName};\n`
        : `${doc([lead])}(${variable}: string): ${handleName};\n`,
    );
    out.declarations.push(
      `${doc([`One item of \`${chain}\`, for example \`${handleChain}\`.`])}export interface ${handleName} {\n${renderMembers(out, node.instance, handleChain, apiName, schemaNames, doc_).join("")}}\n`,
    );
  }
  members.push(...renderMembers(out, node, chain, apiName, schemaNames, doc_));
  out.declarations.push(
    `${doc([`The resource \`${chain}\`.`])}export interface ${resourceName} {\n${members.join("")}}\n`,
  );
  return resourceName;
}

function renderMembers(
  out: Rendered,
  node: ResourceNode,
  chain: string,
  apiName: string,
  schemaNames: Set<string>,
  doc_: Json,
): string[] {
  const members = [...node.methods.values()].map((m) => renderMethod(out, m, chain, schemaNames, doc_));
  for (const [name, child] of node.resources) {
    const type = renderNode(out, child, `${chain}.${name}`, apiName, schemaNames, doc_);
    members.push(`${doc([`The resource \`${chain}.${name}\`.`])}readonly ${name}: ${type};\n`);
  }
  return members;
}

/** The TypeScript of `generated/<api>-resources.ts`. */
export function renderResourceTypes(apiName: string, tree: ResourceNode, doc_: Json): string {
  const schemaNames = new Set(Object.keys(doc_.components?.schemas ?? {}));
  const out: Rendered = { imports: new Set(), declarations: [], names: new Set() };
  const rootName = claim(out, `${pascal(apiName)}Resources`, schemaNames);
  const members = renderMembers(out, tree, `twilio.${apiName}`, apiName, schemaNames, doc_);
  out.declarations.push(
    `${doc([`The resources of the ${doc_.info?.title ?? apiName}, on \`twilio.${apiName}\`.`])}export interface ${rootName} {\n${members.join("")}}\n`,
  );
  const body = out.declarations.join("\n");
  const used = (names: string[]) => names.filter((n) => new RegExp(`\\b${n}\\b`).test(body));
  const imports = [
    `import type { ${[...used(["operations"]), ...[...out.imports].sort()].join(", ")} } from "./${apiName}";`,
    `import type { ${used(["ApiPromise", "Input", "ListParams", "RequestOptions", "SidArg"]).join(", ")} } from "../src/resource-types";`,
  ];
  if (used(["Paginator"]).length) imports.push('import type { Paginator } from "../src/pagination";');
  // The schema types too, so one namespace per API holds everything named after the spec.
  return [...imports, `export type * from "./${apiName}";`, "", body].join("\n");
}

/** `text` with the code of every JSDoc `@example` block formatted by prettier (80 columns, as editors show it). */
export async function formatExamples(text: string): Promise<string> {
  const blocks = [...text.matchAll(/^( *)\* ```ts\n((?:\1\*(?: .*)?\n)*?)\1\* ```$/gm)];
  let out = text;
  for (const block of blocks.reverse()) {
    const [whole, indent, body] = block as unknown as [string, string, string];
    const code = body
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(indent.length + 2))
      .join("\n");
    const formatted = (await prettier.format(code, { parser: "typescript", printWidth: 80 })).trimEnd();
    const lines = formatted.split("\n").map((line) => `${indent}*${line ? ` ${line}` : ""}`);
    const replacement = `${indent}* \`\`\`ts\n${lines.join("\n")}\n${indent}* \`\`\``;
    out = out.slice(0, block.index) + replacement + out.slice(block.index! + whole.length);
  }
  return out;
}

// Renders the types of an API's resource tree: one interface per resource
// (callable for a handle) and per handle, and a named type for every
// method's params and result, so hovers read
// `create(params: CreateInteractionParams, options?: RequestOptions): ApiPromise<Interaction>`.
import type { InstanceNode, MethodNode, ResourceNode } from "./resources.mts";
import { lowerCamel } from "./resources.mts";
import { resolve } from "./facts.mts";

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

function renderMethod(out: Rendered, m: MethodNode, chain: string, schemaNames: Set<string>, doc_: Json): string {
  const op = `operations[${JSON.stringify(m.operationId)}]`;
  const args: string[] = [];
  if (m.params) {
    const type = claim(out, `${m.operationId}Params`, schemaNames);
    const source =
      m.params === "body"
        ? `NonNullable<${op}["requestBody"]>["content"][${JSON.stringify(m.bodyMedia)}]`
        : `NonNullable<${op}["parameters"]["query"]>`;
    const wrapper = m.listKey ? "ListParams" : "Input";
    out.declarations.push(
      `${doc([`Parameters of \`${chain}.${m.name}()\` (${m.operationId}), named as in the API.`])}export type ${type} = ${wrapper}<${source}>;\n`,
    );
    args.push(`params${m.required ? "" : "?"}: ${type}`);
  }
  args.push("options?: RequestOptions");
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
    ? "Iterates over the items of every page with `for await`; `.pages()` and `.toArray()` too."
    : m.response
      ? "Resolves to the result and throws a typed error (`TwilioApiError` and subclasses) on failure; `.withResponse()` adds the HTTP response."
      : "Resolves when done and throws a typed error on failure; `.withResponse()` gives the HTTP response.";
  const call = `${chain}.${m.name}(${m.params && m.required ? "{ … }" : ""})`;
  const example = m.listKey ? `for await (const item of ${call}) console.log(item);` : `await ${call};`;
  return `${doc([m.summary ? `${m.summary}.` : undefined, m.description, lead, `@example\n\`\`\`ts\n${example}\n\`\`\``])}${m.name}(${args.join(", ")}): ${result};\n`;
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

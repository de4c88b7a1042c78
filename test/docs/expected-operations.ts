// What the Redoc pages must show, derived from the bundled documents in
// generated/openapi/ (the same input as the docs build), never listed by hand.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { readApis } from "../../scripts/codegen/apis.mts";
import { METHODS, type OperationEntry, operationsOf, resolve } from "../../scripts/codegen/facts.mts";
import { bundlePath } from "../../scripts/docs/redoc.mts";

type Json = Record<string, any>;

export interface JsonStringField {
  field: string;
  /** Component name of the decoded schema, when it is a `$ref`. */
  schema?: string;
  /** Top-level property names of the decoded object. */
  keys: string[];
}

export interface ExpectedOperation {
  operationId: string;
  summary: string;
  tag: string;
  method: string;
  path: string;
  /** Path, query and header parameter names. */
  parameters: string[];
  /** Top-level request body field names. */
  bodyFields: string[];
  /** Request body fields that carry JSON-encoded objects. */
  jsonStrings: JsonStringField[];
  /** True for an event Twilio sends (a `webhooks` entry), false for an operation of the API. */
  webhook: boolean;
  /** Names of the security schemes that apply: the operation's own, else the document's. */
  security: string[];
  /** The SDK's sample (the first `x-codeSamples` entry), for operations. */
  sample?: { lang: string; source: string };
}

export interface ExpectedApi {
  api: string;
  title: string;
  operations: ExpectedOperation[];
}

function operation(doc: Json, { path, method, op, params }: OperationEntry, webhook: boolean): ExpectedOperation {
  const parameters = params.map((p) => String(p.name));
  const content: Json = resolve(doc, op.requestBody)?.content ?? {};
  const properties: Json = Object.values(content)
    .map((media: Json) => resolve(doc, media.schema)?.properties ?? {})
    .reduce((all, props) => ({ ...all, ...props }), {});
  const jsonStrings = Object.entries(properties)
    .map(([field, node]) => ({ field, schema: resolve(doc, node) as Json }))
    .filter(({ schema }) => schema.contentMediaType === "application/json" && schema.contentSchema)
    .map(({ field, schema }) => {
      const ref = schema.contentSchema.$ref;
      return {
        field,
        schema: typeof ref === "string" ? ref.split("/").pop() : undefined,
        keys: Object.keys(resolve(doc, schema.contentSchema)?.properties ?? {}),
      };
    });
  const security: Json[] = op.security ?? doc.security ?? [];
  const [sample] = (op["x-codeSamples"] ?? []) as { lang: string; source: string }[];
  return {
    operationId: op.operationId,
    summary: op.summary,
    tag: op.tags?.[0],
    method,
    path,
    parameters,
    bodyFields: Object.keys(properties),
    jsonStrings,
    webhook,
    security: security.flatMap((requirement) => Object.keys(requirement)),
    ...(sample && { sample: { lang: sample.lang, source: sample.source } }),
  };
}

// The `webhooks` (the events Twilio sends), rendered like operations; the
// webhook's name stands where a path would.
function webhooksOf(doc: Json): OperationEntry[] {
  return Object.entries<Json>(doc.webhooks ?? {}).flatMap(([name, rawItem]) => {
    const item = resolve(doc, rawItem);
    return METHODS.filter((method) => item[method]).map((method) => ({
      path: name,
      method,
      item,
      op: item[method],
      params: (item[method].parameters ?? []).map((p: unknown) => resolve(doc, p)),
    }));
  });
}

/** Every API of redocly.yaml with the operations (and webhooks) its Redoc page must render. */
export async function expectedApis(): Promise<ExpectedApi[]> {
  const apis: ExpectedApi[] = [];
  for (const { name } of await readApis()) {
    const doc: Json = parse(await readFile(bundlePath(name), "utf8"));
    const operations = [
      ...operationsOf(doc).map((entry) => operation(doc, entry, false)),
      ...webhooksOf(doc).map((entry) => operation(doc, entry, true)),
    ];
    apis.push({ api: name, title: doc.info.title, operations });
  }
  return apis;
}

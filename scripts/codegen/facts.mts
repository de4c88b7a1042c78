// Reads the facts the runtime needs out of a bundled API document: for every
// operation, which path parameters are SIDs of which prefix, which query
// parameters have bounds, how the body is encoded and which form fields carry
// JSON, and which property of a list response holds the items; and for the
// `webhooks`, what a receiver checks in each event's parameters.

export const SID_PATTERN = /^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$/;
const JSON_MEDIA = "application/json";
const FORM_MEDIA = "application/x-www-form-urlencoded";
/** The HTTP methods a path item may hold operations for, in document order. */
export const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type Json = Record<string, any>;

export interface QueryBounds {
  minimum?: number;
  maximum?: number;
  integer?: boolean;
}

export interface OperationFacts {
  operationId: string;
  method: (typeof METHODS)[number];
  /** `form` or `json` when the operation has a request body. */
  body?: "form" | "json";
  /** Form fields sent as JSON strings. */
  jsonFields?: string[];
  /** Query parameters with numeric bounds. */
  query?: Record<string, QueryBounds>;
  /** Property of the 2xx body that holds the items of a list. */
  listKey?: string;
  /** A 2xx response of the operation has no body (a 204): only then may a call resolve without data. */
  noContent?: true;
}

export interface PathFacts {
  /** Path parameter name → SID prefix. */
  sids: Record<string, string>;
  /** Path parameter name → pattern, for the parameters with a pattern that is not a SID's. */
  patterns?: Record<string, string>;
  operations: OperationFacts[];
}

/** What a receiver checks in one webhook event's parameters. */
export interface EventFacts {
  /** Parameters that must be present. */
  required: string[];
  /** Parameters that are integers (sent as decimal digits in a form). */
  integers?: string[];
  /** Parameter name → SID prefix. */
  sids?: Record<string, string>;
}

export interface WebhookFacts {
  /** The parameter whose value names the event (its schema's `const` is the webhook's name). */
  key: string;
  events: Record<string, EventFacts>;
}

export interface ApiFacts {
  server: string;
  paths: Record<string, PathFacts>;
  /** The `webhooks` of the document, when it has any. */
  webhooks?: WebhookFacts;
  /** Names of component schemas used as form request bodies, or as one of their `oneOf` alternatives. */
  formSchemas: string[];
}

export function resolve(doc: Json, node: any): any {
  let current = node;
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    if (!current.$ref.startsWith("#/"))
      throw new Error(`Unexpected external $ref ${current.$ref} in a bundled document`);
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((at: any, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
    if (current === undefined) throw new Error(`Unresolvable $ref ${node.$ref}`);
  }
  return current;
}

/** The SID prefix a schema requires, if it is a SID schema. */
export function sidPrefix(doc: Json, schema: unknown): string | undefined {
  const resolved = resolve(doc, schema);
  return typeof resolved?.pattern === "string" ? SID_PATTERN.exec(resolved.pattern)?.[1] : undefined;
}

function schemaName(schema: any): string | undefined {
  const ref: unknown = schema?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice(21) : undefined;
}

/** A body schema and the branches of its `oneOf`, for bodies whose valid combinations are alternatives. */
function alternatives(doc: Json, schema: unknown): unknown[] {
  const resolved = resolve(doc, schema);
  return [schema, ...(resolved?.oneOf ?? []).flatMap((branch: unknown) => alternatives(doc, branch))];
}

function operationFacts(doc: Json, method: OperationFacts["method"], op: Json, params: Json[]): OperationFacts {
  const facts: OperationFacts = { operationId: op.operationId, method };
  const query: Record<string, QueryBounds> = {};
  for (const param of params) {
    if (param.in !== "query") continue;
    const schema = resolve(doc, param.schema) ?? {};
    const bounds: QueryBounds = {};
    if (typeof schema.minimum === "number") bounds.minimum = schema.minimum;
    if (typeof schema.maximum === "number") bounds.maximum = schema.maximum;
    if (schema.type === "integer") bounds.integer = true;
    if (Object.keys(bounds).length) query[param.name] = bounds;
  }
  if (Object.keys(query).length) facts.query = query;

  const content = resolve(doc, op.requestBody)?.content ?? {};
  if (content[FORM_MEDIA]) {
    facts.body = "form";
    const fields = new Set<string>();
    for (const schema of alternatives(doc, content[FORM_MEDIA].schema)) {
      for (const [name, property] of Object.entries(resolve(doc, schema)?.properties ?? {})) {
        if (resolve(doc, property)?.contentMediaType === JSON_MEDIA) fields.add(name);
      }
    }
    facts.jsonFields = [...fields];
  } else if (content[JSON_MEDIA]) {
    facts.body = "json";
  }

  for (const [status, response] of Object.entries(op.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    if (!resolve(doc, response)?.content) facts.noContent = true;
    const body = resolve(doc, resolve(doc, response)?.content?.[JSON_MEDIA]?.schema);
    const properties = body?.properties ?? {};
    if (!properties.meta) continue;
    const arrays = Object.keys(properties).filter((name) => resolve(doc, properties[name])?.type === "array");
    if (arrays.length !== 1) throw new Error(`${op.operationId}: a list response needs exactly one array property`);
    facts.listKey = arrays[0];
  }
  return facts;
}

/** One operation of a bundled document, with its path item and its effective parameters. */
export interface OperationEntry {
  path: string;
  method: (typeof METHODS)[number];
  item: Json;
  op: Json;
  /** Path-level and operation-level parameters, resolved; the operation's own win on a name clash. */
  params: Json[];
}

/** Every operation of a bundled document, in document order. */
export function operationsOf(doc: Json): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const item = resolve(doc, rawItem);
    const shared: Json[] = (item.parameters ?? []).map((p: unknown) => resolve(doc, p));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const own: Json[] = (op.parameters ?? []).map((p: unknown) => resolve(doc, p));
      const params = [...shared.filter((s) => !own.some((o) => o.name === s.name)), ...own];
      entries.push({ path, method, item, op, params });
    }
  }
  return entries;
}

// A schema's properties and required names, with those of its `allOf` parts merged in.
function flatten(doc: Json, node: unknown): { properties: Json; required: string[] } {
  const schema = resolve(doc, node) ?? {};
  const parts = (schema.allOf ?? []).map((part: unknown) => flatten(doc, part));
  return {
    properties: Object.assign({}, ...parts.map((p: Json) => p.properties), schema.properties),
    required: [...new Set([...parts.flatMap((p: Json) => p.required), ...(schema.required ?? [])])],
  };
}

function webhookFacts(doc: Json): WebhookFacts | undefined {
  const keys = new Set<string>();
  const events: Record<string, EventFacts> = {};
  for (const [name, rawItem] of Object.entries<Json>(doc.webhooks ?? {})) {
    const op = resolve(doc, rawItem).post;
    const { properties, required } = flatten(doc, resolve(doc, op?.requestBody)?.content?.[FORM_MEDIA]?.schema);
    const key = Object.keys(properties).find((p) => resolve(doc, properties[p])?.const === name);
    if (!key) throw new Error(`webhook ${name}: its form body needs a property whose const is "${name}"`);
    keys.add(key);
    const facts: EventFacts = { required };
    const integers = Object.keys(properties).filter((p) => resolve(doc, properties[p])?.type === "integer");
    if (integers.length) facts.integers = integers;
    const sids = Object.entries(properties).flatMap(([p, schema]) => {
      const prefix = sidPrefix(doc, schema);
      return prefix ? [[p, prefix] as const] : [];
    });
    if (sids.length) facts.sids = Object.fromEntries(sids);
    events[name] = facts;
  }
  if (keys.size > 1) throw new Error(`webhooks: every event must be named by the same property, not ${[...keys]}`);
  const [key] = keys;
  return key ? { key, events } : undefined;
}

export function apiFacts(doc: Json): ApiFacts {
  const server = doc.servers?.[0]?.url;
  if (typeof server !== "string") throw new Error("The API document must declare its server URL");
  const paths: Record<string, PathFacts> = {};
  const formSchemas = new Set<string>();
  for (const { path, method, op, params } of operationsOf(doc)) {
    const facts = (paths[path] ??= { sids: {}, operations: [] });
    for (const param of params) {
      if (param.in !== "path") continue;
      const prefix = sidPrefix(doc, param.schema);
      const pattern = resolve(doc, param.schema)?.pattern;
      if (prefix) facts.sids[param.name] = prefix;
      else if (typeof pattern === "string") (facts.patterns ??= {})[param.name] = pattern;
    }
    const body = resolve(doc, op.requestBody)?.content?.[FORM_MEDIA]?.schema;
    for (const name of body ? alternatives(doc, body).map(schemaName) : []) if (name) formSchemas.add(name);
    facts.operations.push(operationFacts(doc, method, op, params));
  }
  const webhooks = webhookFacts(doc);
  return { server, paths, ...(webhooks && { webhooks }), formSchemas: [...formSchemas].sort() };
}

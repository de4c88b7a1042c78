// Derives the resource tree of an API from its paths: every literal segment
// is a resource (lower camel case), every `{parameter}` segment a handle on
// one item, and every operation a method named after its operationId's verb.
// `x-sdk-method` on an operation names a method the verb cannot. Anything the
// tree cannot hold unambiguously fails generation with a message saying what
// to change in spec/.
import { type ApiFacts, type OperationEntry, operationsOf, resolve, sidPrefix } from "./facts.mts";

type Json = Record<string, any>;

/** operationId verb → method name. */
export const VERBS: Record<string, string> = {
  Create: "create",
  Fetch: "fetch",
  Update: "update",
  List: "list",
  Delete: "remove",
};
/** The HTTP methods the path layer sends. */
const SENDABLE = new Set(["get", "post", "delete"]);
// Names a resource or method may not take: the properties of a function (a
// resource is callable) and of an API client (the top-level resources sit on it).
const RESERVED = new Set([
  "name",
  "length",
  "prototype",
  "call",
  "apply",
  "bind",
  "caller",
  "arguments",
  "toString",
  "constructor",
  "GET",
  "POST",
  "DELETE",
  "use",
  "eject",
  "paginate",
  "baseUrl",
  "toJSON",
]);
const VERSION_SEGMENT = /^v\d+(?:\.\d+)?$/;

export interface MethodNode {
  name: string;
  operationId: string;
  httpMethod: "get" | "post" | "delete";
  path: string;
  /** Path parameter names in the order the handles bind them. */
  pathParams: string[];
  /** Where the method's `params` go: the request body, the query string, or nowhere. */
  params?: "body" | "query";
  /** Whether `params` must be given. */
  required: boolean;
  /** The 2xx JSON schema, when the operation answers with one, and its status. */
  response?: Json;
  status?: string;
  /** Property of a list page holding its items: the method returns a Paginator. */
  listKey?: string;
  /** The content type of the body (form or JSON), when there is one. */
  bodyMedia?: string;
  summary?: string;
  description?: string;
}

export interface ResourceNode {
  /** Segments from the API root, for names and messages: `["Interactions", "{}", "Channels"]`. */
  segments: string[];
  methods: Map<string, MethodNode>;
  resources: Map<string, ResourceNode>;
  instance?: InstanceNode;
}

export interface InstanceNode extends ResourceNode {
  /** Parameter names seen for this segment; the most specific one names it in messages. */
  paramNames: Set<string>;
  /** SID prefix of the parameter, when it is a SID. */
  sid?: string;
}

const newNode = (segments: string[]): ResourceNode => ({ segments, methods: new Map(), resources: new Map() });

/** `Interactions` → `interactions`, `interaction-webhooks` → `interactionWebhooks`. */
export function lowerCamel(segment: string): string {
  const words = segment.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  return joined[0]!.toLowerCase() + joined.slice(1);
}

function fail(entry: OperationEntry, message: string): never {
  throw new Error(`${entry.op.operationId ?? "?"} (${entry.method.toUpperCase()} ${entry.path}): ${message}`);
}

function methodName(entry: OperationEntry): string {
  const override = entry.op["x-sdk-method"];
  if (override !== undefined) {
    if (typeof override !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(override))
      fail(entry, "x-sdk-method must be a lower camel case name such as `cancel`.");
    return override;
  }
  const verb = /^([A-Z][a-z]+)(?=[A-Z])/.exec(String(entry.op.operationId))?.[1];
  const name = verb ? VERBS[verb] : undefined;
  if (!name) {
    fail(
      entry,
      `cannot derive a method name from the operationId: start it with ${Object.keys(VERBS).join(", ")}, ` +
        "or name the method with `x-sdk-method` on the operation.",
    );
  }
  return name;
}

function successSchema(doc: Json, op: Json): Pick<MethodNode, "response" | "status"> {
  for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    const schema = resolve(doc, response)?.content?.["application/json"]?.schema;
    if (schema) return { response: schema, status };
  }
  return {};
}

function paramsOf(doc: Json, entry: OperationEntry): Pick<MethodNode, "params" | "required" | "bodyMedia"> {
  const body = resolve(doc, entry.op.requestBody);
  const query = entry.params.filter((p) => p.in === "query");
  if (body?.content) {
    if (query.length) fail(entry, "an operation with a request body cannot also take query parameters.");
    const media = Object.keys(body.content)[0];
    return { params: "body", required: body.required === true, bodyMedia: media };
  }
  if (query.length) return { params: "query", required: query.some((p) => p.required === true) };
  return { required: false };
}

/** The resource tree of one bundled API document. */
export function resourceTree(doc: Json, facts: ApiFacts): ResourceNode {
  const root = newNode([]);
  for (const entry of operationsOf(doc)) {
    const segments = entry.path.split("/").filter(Boolean);
    if (segments.length && VERSION_SEGMENT.test(segments[0]!)) segments.shift();
    let node = root;
    const pathParams: string[] = [];
    const seen: string[] = [];
    for (const segment of segments) {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      if (param) {
        if (node === root) fail(entry, "a path cannot start with a parameter: the SDK has no resource to hang it on.");
        const schema = entry.params.find((p) => p.in === "path" && p.name === param)?.schema;
        const prefix = sidPrefix(doc, schema);
        const instance = (node.instance ??= { ...newNode([...seen, "{}"]), paramNames: new Set(), sid: prefix });
        if (instance.sid !== prefix) {
          fail(
            entry,
            `{${param}} is a ${prefix ?? "non-SID"} parameter where other paths have a ${instance.sid ?? "non-SID"} one.`,
          );
        }
        instance.paramNames.add(param);
        pathParams.push(param);
        node = instance;
        seen.push("{}");
      } else {
        const name = lowerCamel(segment);
        if (RESERVED.has(name))
          fail(entry, `the segment "${segment}" would make a resource named "${name}", which is reserved.`);
        seen.push(segment);
        node = node.resources.get(name) ?? node.resources.set(name, newNode([...seen])).get(name)!;
      }
    }
    const name = methodName(entry);
    if (node === root) fail(entry, "an operation on the API root has no resource to live on.");
    if (node.methods.has(name)) {
      fail(
        entry,
        `${name}() already exists here for ${node.methods.get(name)!.operationId}; name one with x-sdk-method.`,
      );
    }
    if (node.resources.has(name) || RESERVED.has(name))
      fail(entry, `the method name "${name}" is taken; set x-sdk-method.`);
    if (!SENDABLE.has(entry.method))
      fail(entry, `the SDK sends GET, POST and DELETE only, not ${entry.method.toUpperCase()}.`);
    const listKey = facts.paths[entry.path]?.operations.find((o) => o.method === entry.method)?.listKey;
    if (name === "list" && !listKey) fail(entry, "a List operation must answer with a page: `meta` and one array.");
    node.methods.set(name, {
      name,
      operationId: entry.op.operationId,
      httpMethod: entry.method as MethodNode["httpMethod"],
      path: entry.path,
      pathParams,
      ...paramsOf(doc, entry),
      ...successSchema(doc, entry.op),
      listKey,
      summary: entry.op.summary,
      description: entry.op.description,
    });
  }
  checkNames(root);
  return root;
}

// A resource and a method of the same node would overwrite each other.
function checkNames(node: ResourceNode): void {
  for (const [name, child] of node.resources) {
    if (node.methods.has(name)) {
      throw new Error(`/${node.segments.join("/")}: "${name}" is both a resource and a method; set x-sdk-method.`);
    }
    checkNames(child);
  }
  if (node.instance) checkNames(node.instance);
}

/** Every method of the tree with its call chain, for example `interactions(…).channels.list`. */
export function methodsOf(node: ResourceNode, chain = ""): { chain: string; method: MethodNode }[] {
  const out: { chain: string; method: MethodNode }[] = [];
  for (const method of node.methods.values()) out.push({ chain: `${chain}.${method.name}`, method });
  for (const [name, child] of node.resources) out.push(...methodsOf(child, `${chain}.${name}`));
  if (node.instance) out.push(...methodsOf(node.instance, `${chain}(…)`));
  return out;
}

/** The runtime data of the tree: what the binding in src/resources.ts walks. */
export function resourceData(node: ResourceNode): Json {
  const data: Json = {};
  if (node.methods.size) {
    data.methods = {};
    for (const m of node.methods.values()) {
      const entry: Json = { operationId: m.operationId, method: m.httpMethod, path: m.path, pathParams: m.pathParams };
      if (m.params) entry.params = m.params;
      if (m.listKey) entry.list = true;
      data.methods[m.name] = entry;
    }
  }
  if (node.resources.size) {
    data.resources = Object.fromEntries([...node.resources].map(([name, child]) => [name, resourceData(child)]));
  }
  if (node.instance) {
    const names = [...node.instance.paramNames];
    data.instance = {
      param: names.find((n) => n !== "Sid") ?? names[0],
      ...(node.instance.sid ? { sid: node.instance.sid } : {}),
      ...resourceData(node.instance),
    };
  }
  return data;
}

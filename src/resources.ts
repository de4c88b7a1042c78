// Binds an API's generated resource tree (generated/*-operations.ts) to its
// path-layer client: every resource method sends as the client's `GET`,
// `POST`, `DELETE` or `paginate` does, so checks, encoding, retries and
// logging stay in one place. Unlike the path layer, resource methods throw on failure.
import type { InstanceDescription, MethodDescription, ResourceDescription } from "./api-description";
import { PREPARE, type PreparedCall } from "./path-layer";
import { InvalidSidError, TwilioValidationError } from "./errors";
import type { FetchResult } from "./response";
import { unwrap } from "./response";
import type { RequestOptions, WithResponse } from "./resource-types";
import { isSid } from "./sid";

type Init = Record<string, unknown>;

/** The path-layer operations a resource method can stand on. @internal */
export interface PathLayer {
  paginate(path: string, init: Init): unknown;
  [PREPARE](method: "GET" | "POST" | "DELETE", path: string): PreparedCall;
}

const OPTION_NAMES = new Set<string>(["signal", "timeoutMs", "maxRetries"] satisfies (keyof RequestOptions)[]);

function checkObject(value: unknown, what: string, call: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TwilioValidationError(what, `The ${what} of ${call} must be an object.`);
  }
  return value as Record<string, unknown>;
}

const NO_OPTIONS: Init = Object.freeze({});

function checkOptions(value: unknown, call: string): Init {
  if (value === undefined) return NO_OPTIONS;
  const options = checkObject(value, "options", call)!;
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) {
      throw new TwilioValidationError(
        "options",
        `${call} takes the options signal, timeoutMs and maxRetries, not "${key}". ` +
          "Parameters of the operation go in the argument before the options.",
      );
    }
  }
  return options;
}

// The data of a result, or (through unwrap) its typed error. A path-layer result has `error` exactly
// when its status is not 2xx, so a success is told without building its Response.
const dataOf = (result: FetchResult): unknown => ("error" in result ? unwrap(result) : result.data);

const withResponseOf = async (result: FetchResult): Promise<WithResponse<unknown>> => ({
  data: await dataOf(result),
  response: result.response,
  requestId: result.response.headers.get("twilio-request-id") ?? undefined,
});

// The promise of a call that throws on failure, with `.withResponse()`.
// Reading only `.withResponse()` must not leave the plain promise rejected and unhandled.
function apiPromise(sent: Promise<FetchResult>): Promise<unknown> & { withResponse(): Promise<WithResponse<unknown>> } {
  const data = sent.then(dataOf) as Promise<unknown> & { withResponse(): Promise<WithResponse<unknown>> };
  data.withResponse = () => {
    data.catch(() => {});
    return sent.then(withResponseOf);
  };
  return data;
}

// A method with its path values as its first argument, made with its handle prototype and shared
// by every handle, which passes the values it is bound to. It sends through the operation the
// client prepared for it (src/path-layer.ts, PREPARE), which reads no init, or pages with `paginate`.
type Invoke = (values: readonly string[], first: unknown, second: unknown) => unknown;

function invoker(client: PathLayer, name: string, method: MethodDescription): Invoke {
  const label = `${name}()`;
  const { pathParams, params: where } = method;
  const send = method.list
    ? undefined
    : client[PREPARE](method.method.toUpperCase() as "GET" | "POST" | "DELETE", method.path);
  return (values, first, second) => {
    const params = where ? checkObject(first, "params", label) : undefined;
    const options = checkOptions(where ? second : first, label);
    const path: Record<string, string> = {};
    for (let i = 0; i < pathParams.length; i++) path[pathParams[i]!] = values[i]!;
    if (!send) {
      const { limit, ...query } = params ?? {};
      return client.paginate(method.path, { params: { path, query }, limit, ...options });
    }
    if (where === "body") return apiPromise(send({ params: { path }, body: params ?? {} }, options));
    return apiPromise(send({ params: where === "query" ? { path, query: params } : { path } }, options));
  };
}

function checkValue(instance: InstanceDescription, value: unknown): string {
  if (instance.sid) {
    if (!isSid(instance.sid, value)) throw new InvalidSidError(instance.sid, value, instance.param);
  } else if (typeof value !== "string" || value === "") {
    throw new TwilioValidationError(instance.param, `${instance.param} must be a non-empty string.`);
  }
  return value;
}

const VALUES = Symbol("path values");
type Bound = { [VALUES]: readonly string[] };

// A handle's methods and sub-resources are getters on one prototype per node,
// built on first use, so making a handle costs one object: `channel.update`
// and `channel.participants` are made when read (destructuring works too).
function handlePrototype(client: PathLayer, node: ResourceDescription, prototypes: Map<ResourceDescription, object>) {
  let prototype = prototypes.get(node);
  if (!prototype) {
    const properties: PropertyDescriptorMap = {};
    for (const [name, method] of Object.entries(node.methods ?? {})) {
      const invoke = invoker(client, name, method);
      properties[name] = {
        enumerable: true,
        get(this: Bound) {
          const values = this[VALUES];
          return (first?: unknown, second?: unknown) => invoke(values, first, second);
        },
      };
    }
    for (const [name, child] of Object.entries(node.resources ?? {})) {
      properties[name] = {
        enumerable: true,
        get(this: Bound) {
          return resource(client, child, this[VALUES], prototypes);
        },
      };
    }
    prototype = Object.create(Object.prototype, properties) as object;
    prototypes.set(node, prototype);
  }
  return prototype;
}

// A handle on one item, bound to the path values down to it.
function handle(prototype: object, values: readonly string[]): unknown {
  const bound = Object.create(prototype) as Bound;
  bound[VALUES] = values;
  return bound;
}

// A resource: callable with a path value when it has items, giving a handle
// on one; with its methods and sub-resources as properties.
function resource(
  client: PathLayer,
  node: ResourceDescription,
  values: readonly string[],
  prototypes: Map<ResourceDescription, object>,
): unknown {
  const { instance } = node;
  if (!instance) return handle(handlePrototype(client, node, prototypes), values);
  let prototype: object | undefined;
  const callable = (value: unknown) =>
    handle((prototype ??= handlePrototype(client, instance, prototypes)), [...values, checkValue(instance, value)]);
  // A function keeps its own prototype, so its methods and sub-resource getters go on it directly.
  for (const name in node.methods) {
    const invoke = invoker(client, name, node.methods[name]!);
    Object.defineProperty(callable, name, {
      enumerable: true,
      value: (first?: unknown, second?: unknown) => invoke(values, first, second),
    });
  }
  for (const name in node.resources) {
    Object.defineProperty(callable, name, {
      enumerable: true,
      get: () => resource(client, node.resources![name]!, values, prototypes),
    });
  }
  return callable;
}

/**
 * The top-level resources of an API, bound to its path-layer client.
 * @internal
 */
export function bindResources(client: PathLayer, tree: ResourceDescription): Record<string, unknown> {
  const prototypes = new Map<ResourceDescription, object>();
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(tree.resources ?? {})) out[name] = resource(client, child, [], prototypes);
  return out;
}

// Binds an API's generated resource tree (generated/*-operations.ts) to its
// path-layer client: every resource method is a `GET`, `POST`, `DELETE` or
// `paginate` of the client, so checks, encoding, retries and logging stay in
// one place. Unlike the path layer, resource methods throw on failure.
import type { InstanceDescription, MethodDescription, ResourceDescription } from "./api-description";
import { InvalidSidError, TwilioValidationError } from "./errors";
import type { FetchResult } from "./response";
import { unwrap } from "./response";
import type { RequestOptions, WithResponse } from "./resource-types";
import { isSid } from "./sid";

type Init = Record<string, unknown>;
type Call = (path: string, init: Init) => Promise<FetchResult>;

/** The path-layer operations a resource method can stand on. @internal */
export interface PathLayer {
  GET: Call;
  POST: Call;
  DELETE: Call;
  paginate(path: string, init: Init): unknown;
}

const OPTION_NAMES = new Set<string>(["signal", "timeoutMs", "maxRetries"] satisfies (keyof RequestOptions)[]);

function checkObject(value: unknown, what: string, call: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TwilioValidationError(what, `The ${what} of ${call} must be an object.`);
  }
  return value as Record<string, unknown>;
}

function checkOptions(value: unknown, call: string): Init {
  const options = checkObject(value, "options", call) ?? {};
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

// The promise of a call that throws on failure, with `.withResponse()`. The
// plain result is derived from the full one; reading only `.withResponse()`
// must not leave that derived promise rejected and unhandled.
function apiPromise<T>(full: Promise<WithResponse<T>>): Promise<T> & { withResponse(): Promise<WithResponse<T>> } {
  const data = full.then((result) => result.data);
  return Object.assign(data, {
    withResponse() {
      data.catch(() => {});
      return full;
    },
  });
}

async function send(call: Call, path: string, init: Init): Promise<WithResponse<unknown>> {
  const result = await call(path, init);
  const data = await unwrap(result);
  const { response } = result;
  return { data, response, requestId: response.headers.get("twilio-request-id") ?? undefined };
}

function bindMethod(client: PathLayer, name: string, method: MethodDescription, values: readonly string[]) {
  const label = `${name}()`;
  const path: Record<string, string> = {};
  method.pathParams.forEach((param, index) => (path[param] = values[index]!));
  return (...args: unknown[]) => {
    const params = method.params ? checkObject(args[0], "params", label) : undefined;
    const options = checkOptions(method.params ? args[1] : args[0], label);
    if (method.list) {
      const { limit, ...query } = params ?? {};
      return client.paginate(method.path, { params: { path, query }, limit, ...options });
    }
    const init: Init = { params: { path }, ...options };
    if (method.params === "body") init.body = params ?? {};
    if (method.params === "query") init.params = { path, query: params };
    const call = client[method.method.toUpperCase() as "GET" | "POST" | "DELETE"];
    return apiPromise(send(call, method.path, init));
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

// The methods and sub-resources of one node, bound to the path values above it.
function members(client: PathLayer, node: ResourceDescription, values: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(node.methods ?? {})) out[name] = bindMethod(client, name, method, values);
  for (const [name, child] of Object.entries(node.resources ?? {})) out[name] = resource(client, child, values);
  return out;
}

// A resource: callable with a path value when it has items, giving a handle
// on one; with its methods and sub-resources as properties.
function resource(client: PathLayer, node: ResourceDescription, values: readonly string[]): unknown {
  const { instance } = node;
  const target = instance
    ? (value: unknown) => Object.freeze(members(client, instance, [...values, checkValue(instance, value)]))
    : {};
  return Object.freeze(Object.assign(target, members(client, node, values)));
}

/**
 * The top-level resources of an API, bound to its path-layer client.
 * @internal
 */
export function bindResources(client: PathLayer, tree: ResourceDescription): Record<string, unknown> {
  return members(client, tree, []);
}

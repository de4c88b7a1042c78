// One API's client: an openapi-fetch client whose calls are checked against
// the spec before sending (SID path parameters, query bounds), encoded as the
// spec says (form or JSON), sent through the transport, and answered with
// parsed data or a Twilio error body. Adds `paginate`. A call that uses none
// of openapi-fetch's own options and meets no middleware is built here with
// openapi-fetch's own URL serializers, without the Request, Headers and
// Response objects openapi-fetch handles, which cost more than all the rest.
import createClient, { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import type { ApiDescription, OperationDescription } from "./api-description";
import { TwilioValidationError, apiErrorFrom, noteCredential } from "./errors";
import { FORM_CONTENT_TYPE, encodeForm, encodeJson } from "./form";
import { type RequestLimits, paginationLimit, requestLimits } from "./options";
import { Paginator } from "./pagination";
import { checkHeaders, checkParams, type RequestParams } from "./params";
import { type FetchResult, errorBody, successData, withLazyResponse } from "./response";
import type { Outgoing, Send, Sent } from "./transport";
import type { ApiClient } from "./types";
import { LightRequest } from "./wire";

type Method = "GET" | "POST" | "DELETE";
// A path item's key for each method (toLowerCase would make a new string per call).
const OPERATION_KEY = { GET: "get", POST: "post", DELETE: "delete" } as const;
type Init = Record<string, unknown> & { params?: RequestParams; headers?: HeadersInit };
type Middleware = Parameters<ReturnType<typeof createClient>["use"]>[0];
type QuerySerializer = (query: Record<string, unknown>) => string;

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
// Statuses whose Response may not carry a body.
const NULL_BODY = new Set([101, 204, 205, 304]);
// What a call may hold and still be sent without openapi-fetch; anything else (headers, parseAs,
// baseUrl, a bodySerializer…) goes through openapi-fetch, which gives it its meaning.
const OWN_INIT = new Set(["params", "body", "querySerializer", "signal", "maxRetries", "timeoutMs"]);
const OWN_PARAMS = new Set(["path", "query"]);
const defaultQuerySerializer = createQuerySerializer() as QuerySerializer;
const PARAMETER = /\{([^{}]+)\}/;

/**
 * openapi-fetch's default path serializer, with each template split at its
 * parameters once rather than searched on every call. A value that is not a
 * string (the checks let none through for SID and pattern parameters) is
 * left to openapi-fetch's own serializer.
 */
function templatePathSerializer(): (url: string, values: Record<string, unknown>) => string {
  // One entry per path template of the API (the API client passes only those): its literal parts and
  // parameter names in turn, or null when a parameter has a style modifier (such as {.name} or {name*}).
  const templates = new Map<string, string[] | null>();
  return (url, values) => {
    let parts = templates.get(url);
    if (parts === undefined) {
      parts = url.split(PARAMETER);
      if (parts.some((part, i) => i % 2 === 1 && /^[.;]|\*$/.test(part))) parts = null;
      templates.set(url, parts);
    }
    if (parts === null) return defaultPathSerializer(url, values);
    let expanded = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = values[parts[i]!];
      if (typeof value !== "string") return defaultPathSerializer(url, values);
      expanded += encodeURIComponent(value) + parts[i + 1]!;
    }
    return expanded;
  };
}

function sentWithoutOpenapiFetch(init: Init): boolean {
  for (const key in init) if (!OWN_INIT.has(key)) return false;
  for (const key in init.params) if (!OWN_PARAMS.has(key)) return false;
  return true;
}

// The request openapi-fetch built, as the transport takes it.
async function outgoing(request: Request | LightRequest): Promise<Outgoing> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body =
    request instanceof LightRequest
      ? (request.body ?? undefined)
      : request.body === null
        ? undefined
        : await request.text();
  return { url: request.url, method: request.method, headers, body };
}

// A call's result: parsed data or a Twilio error body, and a `response` built when first read (an
// error's at once, with the credential form noted on a 401 for the error's message).
function resultOf(sent: Sent, what: string, noContent: boolean, credential: string): FetchResult {
  if (sent.status < 300)
    return withLazyResponse({ data: successData(sent.text, what, noContent, sent.response) }, sent.response);
  const response = sent.response();
  noteCredential(response, credential);
  return withLazyResponse({ error: errorBody(response, sent.text) }, sent.response);
}

function withContentType(headers: HeadersInit | undefined, type: string): HeadersInit {
  if (headers === undefined) return { "content-type": type };
  const merged = new Headers(headers);
  if (!merged.has("content-type")) merged.set("content-type", type);
  return merged;
}

// The body of a response that middleware replaced, as openapi-fetch left it.
async function replacedText(result: FetchResult): Promise<string> {
  if (result.response.ok) return new Response(result.data as ReadableStream | null).text();
  return typeof result.error === "string" ? result.error : JSON.stringify(result.error ?? "");
}

function expandPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name])));
}

/** Builds the client of one API. */
export function createApiClient<Paths extends {}, Api extends ApiDescription>(
  api: Api,
  baseUrl: string,
  send: Send,
  redact: (text: string) => string,
  credential: string,
): ApiClient<Paths, Api> {
  // Content-Type: null stops openapi-fetch from labelling every request JSON;
  // bodies get their type below, and GET and DELETE carry none. Giving
  // Request and fetch here keeps openapi-fetch from touching the runtime's
  // globals, whose first use loads undici on Node (~30 ms at startup).
  const inner = createClient<Paths>({
    baseUrl,
    headers: { "Content-Type": null },
    Request: LightRequest as unknown as typeof Request,
    fetch: async (request: Request) => (await send(await outgoing(request))).response(),
  });
  const request = inner.request as unknown as (method: Method, path: string, init: Init) => Promise<FetchResult>;
  // Middleware is promised a real Request; without any, a LightRequest is enough.
  const middleware = new Set<Middleware>();

  // Only what the spec describes is sent: plain JavaScript can pass any path or method, and a
  // template that is not in the spec (say one whose parameters are not SIDs) could reach another resource.
  function operation(method: Method, path: unknown): OperationDescription {
    const item = typeof path === "string" && Object.hasOwn(api.paths, path) ? api.paths[path] : undefined;
    const op = item?.[OPERATION_KEY[method]];
    if (!op) {
      throw new TwilioValidationError(
        "path",
        item
          ? `${method} is not an operation of ${redact(path as string)}; see the API reference for its methods.`
          : `${typeof path === "string" ? `"${redact(path.slice(0, 100))}"` : `A value of type ${typeof path}`} is not a path template of this API; pass one of its paths, such as "${Object.keys(api.paths)[0]}".`,
      );
    }
    return op;
  }

  const pathSerializer = templatePathSerializer();

  // The request openapi-fetch would build (the same URL, by its serializers, and the same body), built directly.
  function direct(method: Method, path: string, op: OperationDescription, init: Init): Outgoing {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (init.body !== undefined) {
      if (op.body === "json") {
        body = encodeJson(init.body);
        headers["content-type"] = "application/json";
      } else {
        body = encodeForm(init.body, op.jsonFields).toString();
        headers["content-type"] = FORM_CONTENT_TYPE;
      }
    }
    const { querySerializer } = init;
    const url = createFinalURL(path, {
      baseUrl,
      params: (init.params === undefined ? {} : init.params) as never,
      querySerializer:
        typeof querySerializer === "function"
          ? (querySerializer as QuerySerializer)
          : querySerializer
            ? (createQuerySerializer(querySerializer) as QuerySerializer)
            : defaultQuerySerializer,
      pathSerializer,
    });
    return { url, method, headers, body };
  }

  async function call(
    method: Method,
    path: string,
    init: Init = {},
    onUrl?: (url: string) => void,
  ): Promise<FetchResult> {
    const op = operation(method, path);
    checkParams(api.paths[path], op.query, init.params);
    checkHeaders(init.headers);
    const limits = requestLimits(init as { signal?: unknown });
    if (middleware.size === 0 && sentWithoutOpenapiFetch(init)) {
      const request = direct(method, path, op, init);
      onUrl?.(request.url);
      return resultOf(await send(request, limits), `${method} ${path}`, op.noContent === true, credential);
    }
    return viaOpenapiFetch(method, path, op, init, limits, onUrl);
  }

  // A call with middleware or with openapi-fetch's own options: openapi-fetch builds and reads it.
  async function viaOpenapiFetch(
    method: Method,
    path: string,
    op: OperationDescription,
    init: Init,
    limits: RequestLimits,
    onUrl: ((url: string) => void) | undefined,
  ): Promise<FetchResult> {
    const { signal, maxRetries, timeoutMs, parseAs, ...rest } = init;
    let sent: Sent | undefined;
    let sentResponse: Response | undefined;
    const finalInit: Init = {
      ...rest,
      // The transport already holds the text: openapi-fetch is asked not to read the body.
      parseAs: parseAs ?? "stream",
      Request: middleware.size ? Request : LightRequest,
      fetch: async (req: Request | LightRequest) => {
        onUrl?.(req.url);
        sent = await send(await outgoing(req), limits);
        sentResponse = sent.response();
        if (parseAs === undefined) return sentResponse;
        const { status, statusText, headers } = sentResponse;
        return new Response(NULL_BODY.has(status) ? null : sent.text, { status, statusText, headers });
      },
    };
    if (rest.body !== undefined && rest.bodySerializer === undefined) {
      if (op.body === "json") {
        finalInit.bodySerializer = encodeJson;
        finalInit.headers = withContentType(rest.headers, "application/json");
      } else {
        finalInit.bodySerializer = (body: unknown) => encodeForm(body, op.jsonFields).toString();
        finalInit.headers = withContentType(rest.headers, FORM_CONTENT_TYPE);
      }
    }
    const result = await request(method, path, finalInit);
    noteCredential(result.response, credential);
    if (parseAs !== undefined) return result;
    const { response } = result;
    const text = response === sentResponse ? sent!.text : await replacedText(result);
    return response.ok
      ? { data: successData(text, `${method} ${path}`, op.noContent === true, () => response), response }
      : { error: errorBody(response, text), response };
  }

  function paginate(path: string, init: Init = {}) {
    const { limit: rawLimit, signal: rawSignal, ...rest } = init;
    const limit = paginationLimit(rawLimit);
    // Checked now, like limit, rather than when the first page loads.
    const { signal } = requestLimits({ signal: rawSignal, maxRetries: rest.maxRetries, timeoutMs: rest.timeoutMs });
    const listKey = api.paths[path]?.get?.listKey;
    if (!listKey) throw new TwilioValidationError("path", `${path} is not a list operation of this API.`);
    const params = (rest.params ?? {}) as RequestParams;
    // Ask for no more than the caller wants, as Twilio's own SDKs do.
    const query =
      params.query?.PageSize === undefined && Number.isFinite(limit)
        ? { ...params.query, PageSize: Math.min(limit, 1000) }
        : params.query;
    const first: Init = { ...rest, params: { ...params, query } };
    checkParams(api.paths[path], api.paths[path]?.get?.query, first.params);
    return new Paginator({
      listKey,
      limit,
      signal,
      origin: new URL(baseUrl).origin,
      pathname: new URL(baseUrl + expandPath(path, params.path)).pathname,
      redact,
      async load(url, pageSignal) {
        const pageInit: Init = url
          ? { ...rest, params: { path: params.path }, querySerializer: () => url.search.slice(1) }
          : first;
        let requested = "";
        const result = await call("GET", path, { ...pageInit, signal: pageSignal }, (u) => (requested = u));
        // Every result of `call` has `error` exactly when its status is not 2xx.
        if ("error" in result)
          throw apiErrorFrom(errorBody(result.response, result.error), result.response.headers, credential);
        return { body: result.data, response: () => result.response, url: requested };
      },
    });
  }

  const client = {
    GET: (path: string, init?: Init) => call("GET", path, init),
    POST: (path: string, init?: Init) => call("POST", path, init),
    DELETE: (path: string, init?: Init) => call("DELETE", path, init),
    use: (...added: Middleware[]) => {
      inner.use(...added);
      for (const m of added) if (m) middleware.add(m);
    },
    eject: (...removed: Middleware[]) => {
      inner.eject(...removed);
      for (const m of removed) middleware.delete(m);
    },
    paginate,
    baseUrl,
    toJSON: () => ({ baseUrl }),
    [INSPECT]: () => `ApiClient { baseUrl: '${baseUrl}' }`,
  };
  return client as unknown as ApiClient<Paths, Api>;
}

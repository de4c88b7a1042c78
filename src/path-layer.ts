// The path layer's calls (`GET`, `POST`, `DELETE` of one API): checked
// against the spec before sending (SID path parameters, query bounds),
// encoded as the spec says (form or JSON), built with openapi-fetch's own URL
// serializers but without the Request, Headers and Response objects
// openapi-fetch handles (which cost more than all the rest), sent through the
// transport, and answered with parsed data or a Twilio error body. A call with
// middleware or openapi-fetch's own options goes to the `openapiFetch` route:
// the full client's (api-client.ts) sends it through openapi-fetch; the path
// client's refuses it, so a bundle of the path client alone leaves
// openapi-fetch's client out.
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import type { OperationDescription, PathApiDescription } from "./api-description";
import { TwilioValidationError, noteCredential } from "./errors";
import { FORM_CONTENT_TYPE, encodeForm, encodeJson } from "./form";
import { type RequestLimits, requestLimits } from "./options";
import { checkHeaders, checkParams, type RequestParams } from "./params";
import { type FetchResult, errorBody, successData, withLazyResponse } from "./response";
import type { CallOptions, Outgoing, Send, Sent } from "./transport";

/** @internal */
export type Method = "GET" | "POST" | "DELETE";
/** @internal */
export type Init = Record<string, unknown> & { params?: RequestParams; headers?: HeadersInit };
/** One call of the path layer; `onUrl` learns the URL it was sent to. @internal */
export type Call = (method: Method, path: string, init?: Init, onUrl?: (url: string) => void) => Promise<FetchResult>;

/**
 * Where resource methods (src/resources.ts) come in: `client[PREPARE](method, path)` finds the
 * operation once and returns a function that sends it as `GET`, `POST` or `DELETE` would send
 * `{ ...init, ...options }` (the same checks, encoding, transport and result), given an init of
 * `params` (path and query) and `body` only, and the checked per-request options apart.
 * @internal
 */
export const PREPARE = Symbol("prepare an operation");
/** @internal */
export type PreparedCall = (
  init: { params: RequestParams; body?: unknown },
  options: CallOptions,
) => Promise<FetchResult>;

/** A path layer's calls, and the prepared calls of its resource methods. @internal */
export interface PathCalls {
  call: Call;
  prepare(method: Method, path: string): PreparedCall;
}

/** Where calls that need openapi-fetch go: those with middleware registered, or with its own options. @internal */
export interface OpenapiFetchRoute {
  readonly middleware: ReadonlySet<unknown>;
  send(
    method: Method,
    path: string,
    op: OperationDescription,
    init: Init,
    limits: RequestLimits,
    onUrl: ((url: string) => void) | undefined,
  ): Promise<FetchResult>;
}

type QuerySerializer = (query: Record<string, unknown>) => string;

// A path item's key for each method (toLowerCase would make a new string per call).
const OPERATION_KEY = { GET: "get", POST: "post", DELETE: "delete" } as const;
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

// A call's result: parsed data or a Twilio error body, and a `response` built when first read (an
// error's at once, with the credential form noted on a 401 for the error's message).
function resultOf(sent: Sent, what: string, noContent: boolean, credential: string): FetchResult {
  if (sent.status < 300)
    return withLazyResponse({ data: successData(sent.text, what, noContent, sent.response) }, sent.response);
  const response = sent.response();
  noteCredential(response, credential);
  return withLazyResponse({ error: errorBody(response, sent.text) }, sent.response);
}

/**
 * The route of the path client alone, which has no openapi-fetch client: it
 * refuses the options only openapi-fetch gives a meaning to. @internal
 */
export const refuseOpenapiFetch: OpenapiFetchRoute = {
  middleware: new Set(),
  send(_method, _path, _op, init) {
    const others = Object.keys(init).filter((key) => !OWN_INIT.has(key));
    for (const key in init.params) if (!OWN_PARAMS.has(key)) others.push(`params.${key}`);
    throw new TwilioValidationError(
      "init",
      `The path client takes params (path, query), body, querySerializer, signal, maxRetries and timeoutMs, not ` +
        `${others.map((key) => `"${key}"`).join(", ")}: build the client with createClientFor for openapi-fetch's other options.`,
    );
  },
};

/** The calls of one API's path layer. @internal */
export function pathCalls(
  api: PathApiDescription,
  baseUrl: string,
  send: Send,
  redact: (text: string) => string,
  credential: string,
  openapiFetch: OpenapiFetchRoute,
): PathCalls {
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

  // The request openapi-fetch would build (the same URL, by its serializers, and the same body), built
  // directly; a resource method gives the URL, which it builds from its template.
  function direct(method: Method, path: string, op: OperationDescription, init: Init, url?: string): Outgoing {
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
    url ??= createFinalURL(path, {
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

  const call: Call = async (method, path, init = {}, onUrl) => {
    const op = operation(method, path);
    checkParams(api.paths[path], op.query, init.params);
    checkHeaders(init.headers);
    const limits = requestLimits(init as { signal?: unknown });
    if (openapiFetch.middleware.size === 0 && sentWithoutOpenapiFetch(init)) {
      const request = direct(method, path, op, init);
      onUrl?.(request.url);
      return resultOf(await send(request, limits), `${method} ${path}`, op.noContent === true, credential);
    }
    return openapiFetch.send(method, path, op, init, limits, onUrl);
  };

  // `call` without reading the init: it holds nothing that openapi-fetch alone understands.
  function prepare(method: Method, path: string): PreparedCall {
    const op = operation(method, path);
    const what = `${method} ${path}`;
    // What createFinalURL hands the path serializer: the template on the base URL.
    const template = baseUrl + path;
    return async (init, options) => {
      const { params } = init;
      if (openapiFetch.middleware.size !== 0 || params.query) return call(method, path, { ...init, ...options });
      checkParams(api.paths[path], op.query, params);
      const limits = requestLimits(options);
      // The URL createFinalURL would make with no query.
      const url = params.path ? pathSerializer(template, params.path) : template;
      return resultOf(await send(direct(method, path, op, init, url), limits), what, op.noContent === true, credential);
    };
  }

  return { call, prepare };
}

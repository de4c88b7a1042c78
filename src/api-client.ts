// One API's full client: the path layer's calls (path-layer.ts), with
// openapi-fetch's client for the calls that need it (middleware registered
// with `use`, or openapi-fetch's own options such as headers or parseAs),
// and `paginate`.
import createClient from "openapi-fetch";
import type { ApiDescription } from "./api-description";
import { TwilioValidationError, apiErrorFrom, noteCredential } from "./errors";
import { FORM_CONTENT_TYPE, encodeForm, encodeJson } from "./form";
import { paginationLimit, requestLimits } from "./options";
import { Paginator } from "./pagination";
import { type Init, type Method, type OpenapiFetchRoute, PREPARE, pathCalls } from "./path-layer";
import { checkParams, type RequestParams } from "./params";
import { type FetchResult, errorBody, successData } from "./response";
import type { Outgoing, Send, Sent } from "./transport";
import type { ApiClient } from "./types";
import { LightRequest } from "./wire";

type Middleware = Parameters<ReturnType<typeof createClient>["use"]>[0];

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
// Statuses whose Response may not carry a body.
const NULL_BODY = new Set([101, 204, 205, 304]);

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

  // A call with middleware or with openapi-fetch's own options: openapi-fetch builds and reads it.
  const viaOpenapiFetch: OpenapiFetchRoute["send"] = async (method, path, op, init, limits, onUrl) => {
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
  };

  const { call, prepare } = pathCalls(api, baseUrl, send, redact, credential, { middleware, send: viaOpenapiFetch });

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
    [PREPARE]: prepare,
    baseUrl,
    toJSON: () => ({ baseUrl }),
    [INSPECT]: () => `ApiClient { baseUrl: '${baseUrl}' }`,
  };
  return client as unknown as ApiClient<Paths, Api>;
}

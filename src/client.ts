// createInteractionsClient: checks the options once, then builds one API
// client per API of the generated registry (Flex and Proxy), each with its
// own host and the shared credentials, retry, timeout and logging settings,
// and its resource methods bound to it. createClientFor builds one API's
// client alone, so a bundle of a program that uses one API holds only that
// API's data (nothing here reaches the registry's data at module load).
// createPathClientFor builds one API's path layer alone, so a bundle of it
// also leaves out the resource tree and methods, paginate and openapi-fetch's
// client.
import { apiNames, apis } from "../generated/apis";
import type { ApiClients } from "../generated/clients";
import type { ApiDescription, PathApiDescription } from "./api-description";
import { createApiClient } from "./api-client";
import { type CredentialOptions, resolveAuth } from "./auth";
import { runtimeKind, runtimeName } from "./env";
import { TwilioConfigError } from "./errors";
import { type HostOptions, resolveBaseUrl } from "./hosts";
import type { Logger } from "./logger";
import { clientLimits } from "./options";
import { type FetchLike, createTransport } from "./transport";
import type { Wire } from "./wire";
import { fetchWire } from "./wire-fetch";
// The node:http wire on Node; in browser and worker bundles a stub (package.json "imports").
import { nodeWire } from "#wire-node";
import { type Init, pathCalls, refuseOpenapiFetch } from "./path-layer";
import { type PathLayer, bindResources } from "./resources";
import { PACKAGE_NAME, VERSION } from "./version";

/**
 * Options of {@link createInteractionsClient}. Every field is optional:
 * credentials and routing fall back to the `TWILIO_*` environment variables.
 */
export interface InteractionsClientOptions extends CredentialOptions, HostOptions {
  /** Retries of a failed request (0–10, default 2). Set to 0 to disable. */
  maxRetries?: number;
  /** Time limit of each attempt in milliseconds (default 30 000). */
  timeoutMs?: number;
  /**
   * Largest response body the client reads, in bytes after decoding gzip,
   * deflate or br (default 16 MiB). A bigger body stops being read there and
   * the call fails with `TwilioResponseError`.
   * @example `createInteractionsClient({ maxResponseBytes: 64 * 1024 * 1024 })`
   */
  maxResponseBytes?: number;
  /**
   * Requests on the wire at once per API (default 50); further calls wait
   * in a queue, in order. The wait does not count towards `timeoutMs`.
   * @example `createInteractionsClient({ maxSocketsPerOrigin: 10 })`
   */
  maxSocketsPerOrigin?: number;
  /**
   * The `fetch` to send requests with. By default the client uses node:http
   * with keep-alive on Node (it costs much less per request) and the global
   * `fetch` elsewhere (Bun, Deno, Cloudflare Workers, browsers).
   */
  fetch?: FetchLike;
  /** Receives a line per attempt, retry and failure; Authorization is redacted. */
  logger?: Logger;
  /** Appended to the SDK's User-Agent, for example `my-app/1.2`. */
  userAgent?: string;
}

/**
 * The client returned by {@link createInteractionsClient}: `flex` for the Flex
 * Interactions API, `proxy` for the Proxy Interactions API.
 *
 * @example
 * ```ts
 * const twilio: InteractionsClient = createInteractionsClient();
 * const interaction = await twilio.flex.interactions(interactionSid).fetch();
 * ```
 */
export interface InteractionsClient extends ApiClients {}

const API_NAMES: readonly (keyof ApiClients)[] = apiNames;

const OPTION_NAMES = new Set<string>([
  "accountSid",
  "authToken",
  "apiKey",
  "apiSecret",
  "region",
  "edge",
  "baseUrls",
  "maxRetries",
  "timeoutMs",
  "maxResponseBytes",
  "maxSocketsPerOrigin",
  "fetch",
  "logger",
  "userAgent",
] satisfies (keyof InteractionsClientOptions)[]);

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

function checkOptions(options: InteractionsClientOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TwilioConfigError("createInteractionsClient takes an options object.");
  }
  const unknown = Object.keys(options).filter((key) => !OPTION_NAMES.has(key));
  if (unknown.length) {
    throw new TwilioConfigError(
      `Unknown option ${unknown.map((k) => `"${k}"`).join(", ")}; valid options are ${[...OPTION_NAMES].join(", ")}.`,
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    throw new TwilioConfigError("fetch must be a function.");
  if (options.logger !== undefined && (typeof options.logger !== "object" || options.logger === null)) {
    throw new TwilioConfigError("logger must be an object with debug/info/warn/error methods, such as console.");
  }
  if (
    options.userAgent !== undefined &&
    (typeof options.userAgent !== "string" || !/^[\x20-\x7e]*$/.test(options.userAgent))
  ) {
    throw new TwilioConfigError("userAgent must be a string of printable ASCII characters.");
  }
  const { baseUrls } = options;
  if (baseUrls !== undefined) {
    if (typeof baseUrls !== "object" || baseUrls === null)
      throw new TwilioConfigError(`baseUrls must be an object: { ${API_NAMES.map((n) => `${n}?`).join(", ")} }.`);
    const extra = Object.keys(baseUrls).filter((key) => !(API_NAMES as string[]).includes(key));
    if (extra.length) {
      throw new TwilioConfigError(
        `baseUrls takes ${API_NAMES.map((n) => `"${n}"`).join(" and ")}, not ${extra.map((k) => `"${k}"`).join(", ")}.`,
      );
    }
  }
}

// The fetch option when given; otherwise node:http on Node itself (much
// cheaper per request there), else the runtime's fetch: on Bun the node:http
// emulation costs more than fetch, and Deno's node:https needs extra
// permissions and ignores --cert (bench measure h). The global fetch is
// looked up only when needed: on Node its first use loads undici.
function chooseWire(fetchOption: FetchLike | undefined): Wire {
  if (fetchOption) return fetchWire(fetchOption);
  const node = runtimeKind() === "node" ? nodeWire() : undefined;
  if (node) return node;
  if (typeof globalThis.fetch !== "function") {
    throw new TwilioConfigError("This runtime has no global fetch; pass one as the fetch option.");
  }
  return fetchWire((url, init) => globalThis.fetch(url, init));
}

// What every API client of one call shares: the checked options, credentials, limits and wire; and
// for each API, its base URL and the transport to it.
function clientBuilder(options: InteractionsClientOptions) {
  checkOptions(options);
  const auth = resolveAuth(options);
  const limits = clientLimits(options);
  const wire = chooseWire(options.fetch);
  const userAgent = [`${PACKAGE_NAME}/${VERSION}`, runtimeName(), options.userAgent].filter(Boolean).join(" ");
  const connect = (api: PathApiDescription) => {
    const key = api.name as keyof ApiClients;
    const baseUrl = resolveBaseUrl(api.server, options, options.baseUrls?.[key], `baseUrls.${key}`);
    const send = createTransport({
      wire,
      auth,
      origin: new URL(baseUrl).origin,
      userAgent,
      ...limits,
      logger: options.logger,
    });
    return { baseUrl, send };
  };
  return { auth, connect };
}

// One API's full client: path layer, paginate, middleware and resource methods.
function fullClient({ auth, connect }: ReturnType<typeof clientBuilder>, api: ApiDescription) {
  const { baseUrl, send } = connect(api);
  const client = createApiClient<{}, ApiDescription>(api, baseUrl, send, auth.redact, auth.hint);
  return Object.assign(client, bindResources(client as unknown as PathLayer, api.resources));
}

// `suffix` names the descriptions the factory is meant for: `Api` (flexApi) or `PathApi` (flexPathApi).
function checkApi(api: PathApiDescription, factory: string, suffix: string): void {
  if (typeof api !== "object" || api === null || !(API_NAMES as readonly unknown[]).includes(api.name)) {
    throw new TwilioConfigError(
      `${factory} takes the description of an API of this SDK (${API_NAMES.map((n) => n + suffix).join(", ")}).`,
    );
  }
}

/**
 * Creates a client for the Flex Interactions and Proxy Interactions APIs.
 * Options are checked here, once: bad or missing credentials throw
 * {@link TwilioConfigError} before any request.
 *
 * @example
 * ```ts
 * import { createInteractionsClient } from "twilio-interactions";
 *
 * const twilio = createInteractionsClient({ apiKey: process.env.TWILIO_API_KEY, apiSecret: process.env.TWILIO_API_SECRET });
 * const interaction = await twilio.flex.interactions.create({
 *   Channel: { type: "sms", initiated_by: "agent", participants: [{ address: "+12345678910", proxy_address: "+19255551234" }] },
 *   Routing: { properties: { workspace_sid: "WS…", workflow_sid: "WW…", queue_sid: "WQ…", worker_sid: "WK…" } },
 * });
 * for await (const channel of twilio.flex.interactions(interaction.sid).channels.list()) console.log(channel.sid, channel.status);
 * ```
 */
export function createInteractionsClient(options: InteractionsClientOptions = {}): InteractionsClient {
  const builder = clientBuilder(options);
  const { auth } = builder;
  const clients = Object.fromEntries(
    API_NAMES.map((key) => [key, fullClient(builder, apis[key])]),
  ) as unknown as ApiClients;

  const summary = () => ({
    ...Object.fromEntries(API_NAMES.map((key) => [key, clients[key].baseUrl])),
    username: auth.username,
    credentials: auth.kind,
  });
  return Object.freeze({
    ...clients,
    toJSON: summary,
    [INSPECT]: () => `InteractionsClient ${JSON.stringify(summary())}`,
  });
}

/**
 * Creates the client of one API, the same as that API's property of
 * {@link createInteractionsClient} (`twilio.flex`), with the same options.
 * A bundler then keeps only that API's data and code: a browser bundle of a
 * Flex-only program leaves the Proxy API out.
 *
 * @example
 * ```ts
 * import { createClientFor, flexApi } from "twilio-interactions";
 *
 * const flex = createClientFor(flexApi, { accountSid: "AC…", authToken: "…" });
 * const interaction = await flex.interactions(interactionSid).fetch();
 * ```
 */
export function createClientFor<Name extends keyof ApiClients>(
  api: ApiDescription & { readonly name: Name },
  options: InteractionsClientOptions = {},
): ApiClients[Name] {
  checkApi(api, "createClientFor", "Api");
  return fullClient(clientBuilder(options), api) as unknown as ApiClients[Name];
}

/** One API's path layer alone, from {@link createPathClientFor}. */
export type PathClient<Name extends keyof ApiClients> = Pick<ApiClients[Name], "GET" | "POST" | "DELETE" | "baseUrl">;

/**
 * Creates one API's path layer alone, for the smallest bundle: `GET`, `POST`
 * and `DELETE` as on `twilio.flex`, with the same options; no resource
 * methods, `paginate`, `use` or openapi-fetch call options (`headers`…).
 *
 * @example
 * ```ts
 * import { createPathClientFor, flexPathApi } from "twilio-interactions";
 *
 * const flex = createPathClientFor(flexPathApi, { accountSid: "AC…", authToken: "…" });
 * const { data, error } = await flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: interactionSid } } });
 * ```
 */
export function createPathClientFor<Name extends keyof ApiClients>(
  api: PathApiDescription & { readonly name: Name },
  options: InteractionsClientOptions = {},
): PathClient<Name> {
  checkApi(api, "createPathClientFor", "PathApi");
  const { auth, connect } = clientBuilder(options);
  const { baseUrl, send } = connect(api);
  const { call } = pathCalls(api, baseUrl, send, auth.redact, auth.hint, refuseOpenapiFetch);
  const client = {
    GET: (path: string, init?: Init) => call("GET", path, init),
    POST: (path: string, init?: Init) => call("POST", path, init),
    DELETE: (path: string, init?: Init) => call("DELETE", path, init),
    baseUrl,
    toJSON: () => ({ baseUrl }),
    [INSPECT]: () => `PathClient { baseUrl: '${baseUrl}' }`,
  };
  return Object.freeze(client) as unknown as PathClient<Name>;
}

// Works out the base URL of each API: the spec's default server, rewritten to
// `{product}.{edge}.{region}.twilio.com` when a region or edge is set, or an
// explicit override (for mocks, proxies and tests).
import type { ApiClients } from "../generated/clients";
import { readEnv } from "./env";
import { TwilioConfigError } from "./errors";

/** Routing options of {@link createInteractionsClient}. */
export interface HostOptions {
  /**
   * Processing region, for example `ie1` or `au1`. Falls back to
   * `TWILIO_REGION`. Twilio documents Flex and Proxy only in US1, the default.
   */
  region?: string;
  /** Edge location, for example `dublin` or `sydney`. Falls back to `TWILIO_EDGE`. */
  edge?: string;
  /**
   * Base URLs that replace the computed hosts, for example a local mock:
   * `{ flex: "http://127.0.0.1:4010" }`. Plain `http://` is accepted only for
   * loopback hosts, because every request carries credentials.
   */
  baseUrls?: BaseUrls;
}

/**
 * A base URL per API, by the API's client property.
 *
 * @example
 * ```ts
 * const baseUrls: BaseUrls = { flex: "http://127.0.0.1:4010", proxy: "http://127.0.0.1:4011" };
 * ```
 */
export type BaseUrls = { [Name in keyof ApiClients]?: string };

// Legacy edge IDs still seen in configuration, and their current names.
const LEGACY_EDGES: Record<string, string> = {
  au1: "sydney",
  br1: "sao-paulo",
  de1: "frankfurt",
  ie1: "dublin",
  jp1: "tokyo",
  sg1: "singapore",
  us1: "ashburn",
  us2: "umatilla",
  gll: "roaming",
};
// The edge a region uses when only the region is given: the old
// `{product}.{region}.twilio.com` form stopped working on 2026-04-28.
const DEFAULT_EDGE: Record<string, string> = { ie1: "dublin", au1: "sydney" };
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function label(name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new TwilioConfigError(`${name} must be a string such as "ie1" or "dublin", but got a ${typeof value}.`);
  }
  const lower = value.toLowerCase();
  if (!LABEL.test(lower)) {
    throw new TwilioConfigError(`${name} must be a host name label such as "ie1" or "dublin", but got "${value}".`);
  }
  return lower;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether a URL's host is the local machine. */
function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

/** Checks a base URL override and returns it without a trailing slash. */
function checkBaseUrl(name: string, value: unknown): string {
  if (typeof value !== "string")
    throw new TwilioConfigError(`${name} must be a URL string, but got a ${typeof value}.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TwilioConfigError(`${name} is not an absolute URL: "${value}".`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url))) {
    throw new TwilioConfigError(
      `${name} must use https (plain http is allowed only for localhost), because every request carries credentials: "${url.origin}".`,
    );
  }
  if (url.username || url.password) throw new TwilioConfigError(`${name} must not contain credentials.`);
  if (url.search || url.hash) throw new TwilioConfigError(`${name} must not have a query or fragment: "${value}".`);
  return url.href.replace(/\/+$/, "");
}

/**
 * The base URL of an API whose default server is `server`, for example
 * `https://flex-api.twilio.com` → `https://flex-api.dublin.ie1.twilio.com`.
 */
export function resolveBaseUrl(
  server: string,
  options: HostOptions,
  override: string | undefined,
  name: string,
): string {
  if (override !== undefined) return checkBaseUrl(name, override);
  const rawRegion = options.region ?? readEnv("TWILIO_REGION");
  const rawEdge = options.edge ?? readEnv("TWILIO_EDGE");
  if (rawRegion === undefined && rawEdge === undefined) return server;

  let region = rawRegion === undefined ? undefined : label("region", rawRegion);
  let edge = rawEdge === undefined ? undefined : label("edge", rawEdge);
  if (edge && Object.hasOwn(LEGACY_EDGES, edge)) edge = LEGACY_EDGES[edge];
  region ??= "us1";
  if (!edge) {
    if (region === "us1") return server;
    edge = Object.hasOwn(DEFAULT_EDGE, region) ? DEFAULT_EDGE[region] : undefined;
    if (!edge) {
      throw new TwilioConfigError(
        `region "${region}" needs an edge (for example { region: "ie1", edge: "dublin" }); requests without an edge are processed in US1.`,
      );
    }
  }
  const url = new URL(server);
  const product = url.hostname.replace(/\.twilio\.com$/, "").split(".")[0];
  url.hostname = `${product}.${edge}.${region}.twilio.com`;
  return url.href.replace(/\/+$/, "");
}

// The loopback API the runtime cases talk to, over HTTP or HTTPS: an
// interaction to fetch and create, a channel list of three pages, Twilio's 404
// body, an interaction that never answers (for the timeout and the abort), and
// the page and script that Chromium loads from the same origin.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ACCOUNT_SID, AUTH_TOKEN, CHANNEL_SID, INTERACTION_SID } from "../../helpers/fixtures";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../../helpers/seed";
import { type ReceivedRequest, type TestServer, type TlsOptions, json, startServer } from "../../helpers/server";

/** An interaction SID answered with 404. */
export const MISSING_SID = "KDbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
/** An interaction SID never answered: the request waits until the client gives up. */
export const SLOW_SID = "KDcccccccccccccccccccccccccccccccc";
/** Channel SIDs over the three pages, two a page. */
export const CHANNEL_SIDS = ["a", "b", "c", "d", "e"].map((last) => CHANNEL_SID.replace(/a$/, last));
const CHANNELS = `/v1/Interactions/${INTERACTION_SID}/Channels`;

/** What the cases get as their config (JSON). */
export interface CaseConfig {
  baseUrl: string;
  refusedUrl: string;
  wire: "default" | "fetch";
  accountSid: string;
  authToken: string;
  interactionSid: string;
  missingSid: string;
  slowSid: string;
  /** The seed story's Channel and Routing, which the POST sends. */
  channel: unknown;
  routing: unknown;
}

function channelPage(url: URL): unknown {
  const page = Number(url.searchParams.get("Page") ?? 0);
  const next = page < 2 ? `${url.origin}${CHANNELS}?PageSize=2&Page=${page + 1}&PageToken=PT${page + 1}` : null;
  const channels = CHANNEL_SIDS.slice(page * 2, page * 2 + 2).map((sid) => ({ sid, interaction_sid: INTERACTION_SID }));
  const meta = { key: "channels", page, page_size: 2, url: url.href, next_page_url: next, previous_page_url: null };
  return { channels, meta: { ...meta, first_page_url: `${url.origin}${CHANNELS}?PageSize=2&Page=0` } };
}

function answer(request: ReceivedRequest, origin: string): { status: number; body: unknown } | undefined {
  const url = new URL(request.url, origin);
  const route = `${request.method} ${url.pathname}`;
  const interaction = { sid: INTERACTION_SID, url: `${origin}/v1/Interactions/${INTERACTION_SID}` };
  if (route === `GET /v1/Interactions/${INTERACTION_SID}` || route === "POST /v1/Interactions")
    return { status: 200, body: interaction };
  if (route === `GET ${CHANNELS}`) return { status: 200, body: channelPage(url) };
  if (route === `GET /v1/Interactions/${SLOW_SID}`) return undefined;
  const message = `The requested resource ${url.pathname} was not found`;
  return {
    status: 404,
    body: { code: 20404, message, more_info: "https://www.twilio.com/docs/errors/20404", status: 404 },
  };
}

/** Starts the API on 127.0.0.1; `assets` is the folder of Chromium's page script (browser.js). */
export async function startApi(assets: string, tls?: TlsOptions): Promise<TestServer> {
  let origin = "";
  const server = await startServer((request, response) => {
    if (request.url === "/runtime/page.html") {
      response.writeHead(200, { "content-type": "text/html" });
      return response.end(
        '<!doctype html><link rel="icon" href="data:,"><title>runtime cases</title><script src="/runtime/browser.js"></script>',
      );
    }
    if (request.url === "/runtime/browser.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      return response.end(readFileSync(join(assets, "browser.js")));
    }
    const answered = answer(request, origin);
    if (answered) json(response, answered.status, answered.body);
  }, tls);
  origin = server.url;
  return server;
}

/** The API requests the cases make, in order, as `METHOD path`. */
export function apiRequests(requests: ReceivedRequest[]): string[] {
  return requests.filter((r) => !r.url.startsWith("/runtime/")).map((r) => `${r.method} ${r.url}`);
}

/** The config for one run of the cases. */
export function caseConfig(server: TestServer, refusedUrl: string, wire: CaseConfig["wire"]): CaseConfig {
  return {
    baseUrl: server.url,
    refusedUrl,
    wire,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    interactionSid: INTERACTION_SID,
    missingSid: MISSING_SID,
    slowSid: SLOW_SID,
    channel: SEED_CHANNEL,
    routing: SEED_ROUTING_PARAMS,
  };
}

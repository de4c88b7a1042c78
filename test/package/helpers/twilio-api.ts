// A loopback stand-in for the Flex and Proxy Interactions APIs with just what
// the consumer scenario calls: fetch and create an interaction, a channel list
// of two pages, a one-page Proxy list, and Twilio's 404 body for anything
// else. It records every request (test/helpers/server.ts) for the assertions.
import { type ReceivedRequest, type TestServer, json, startServer } from "../../helpers/server";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  CHANNEL_SID,
  INTERACTION_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../../helpers/fixtures";

/** What a consumer needs to run the scenario: passed as JSON in `SMOKE_CONFIG`. */
export interface ScenarioConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  interactionSid: string;
  missingSid: string;
  serviceSid: string;
  sessionSid: string;
}

/** An interaction SID the stand-in answers 404 for. */
export const MISSING_SID = "KDbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const CHANNELS = `/v1/Interactions/${INTERACTION_SID}/Channels`;
const PROXY_INTERACTIONS = `/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Interactions`;
/** Channel SIDs across both pages, in order. */
export const CHANNEL_SIDS = [CHANNEL_SID, CHANNEL_SID.replace(/a$/, "b"), CHANNEL_SID.replace(/a$/, "c")];

function interaction(origin: string) {
  return {
    sid: INTERACTION_SID,
    channel: { sid: CHANNEL_SID, type: "sms" },
    routing: {},
    url: `${origin}/v1/Interactions/${INTERACTION_SID}`,
    links: { channels: `${origin}${CHANNELS}` },
  };
}

function channel(sid: string, origin: string) {
  return { sid, interaction_sid: INTERACTION_SID, type: "sms", status: "active", url: `${origin}${CHANNELS}/${sid}` };
}

function meta(key: string, url: URL, page: number, next: string | null) {
  const first = `${url.origin}${url.pathname}?PageSize=2&Page=0`;
  return {
    key,
    page,
    page_size: 2,
    first_page_url: first,
    previous_page_url: null,
    url: url.href,
    next_page_url: next,
  };
}

function answer(request: ReceivedRequest): { status: number; body: unknown } {
  const url = new URL(request.url, `http://${request.headers.host}`);
  const route = `${request.method} ${url.pathname}`;
  if (route === `GET /v1/Interactions/${INTERACTION_SID}`) return { status: 200, body: interaction(url.origin) };
  if (route === "POST /v1/Interactions") return { status: 200, body: interaction(url.origin) };
  if (route === `GET ${CHANNELS}` && !url.searchParams.has("PageToken")) {
    const next = `${url.origin}${CHANNELS}?PageSize=2&Page=1&PageToken=PT2`;
    const channels = CHANNEL_SIDS.slice(0, 2).map((sid) => channel(sid, url.origin));
    return { status: 200, body: { channels, meta: meta("channels", url, 0, next) } };
  }
  if (route === `GET ${CHANNELS}` && url.searchParams.get("PageToken") === "PT2") {
    const channels = CHANNEL_SIDS.slice(2).map((sid) => channel(sid, url.origin));
    return { status: 200, body: { channels, meta: meta("channels", url, 1, null) } };
  }
  if (route === `GET ${PROXY_INTERACTIONS}`) {
    const interactions = [{ sid: PROXY_INTERACTION_SID, service_sid: SERVICE_SID, session_sid: SESSION_SID }];
    return { status: 200, body: { interactions, meta: meta("interactions", url, 0, null) } };
  }
  const message = `The requested resource ${url.pathname} was not found`;
  return {
    status: 404,
    body: { code: 20404, message, more_info: "https://www.twilio.com/docs/errors/20404", status: 404 },
  };
}

/** Starts the stand-in API on 127.0.0.1. */
export function startTwilioApi(): Promise<TestServer> {
  return startServer((request, response) => {
    const { status, body } = answer(request);
    json(response, status, body, { "twilio-request-id": "RQ0123456789abcdef0123456789abcdef" });
  });
}

/** The scenario's configuration for a server. */
export function scenarioConfig(server: TestServer): ScenarioConfig {
  return {
    baseUrl: server.url,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    interactionSid: INTERACTION_SID,
    missingSid: MISSING_SID,
    serviceSid: SERVICE_SID,
    sessionSid: SESSION_SID,
  };
}

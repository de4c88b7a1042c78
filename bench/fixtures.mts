// What the bench server serves and every contender sends: one credential
// pair, one Interaction, the body of a create, and the channel list. Shared by
// the server and the measured processes so both sides agree byte for byte.
import type { FlexApi } from "twilio-interactions";

export const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
export const AUTH_TOKEN = "benchAuthToken0123456789abcdefXY";
export const AUTHORIZATION = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`;
export const INTERACTION_SID = "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

export const INTERACTIONS_PATH = "/v1/Interactions";
export const INTERACTION_PATH = `${INTERACTIONS_PATH}/${INTERACTION_SID}`;
export const CHANNELS_PATH = `${INTERACTION_PATH}/Channels`;

/** The list the paginators walk: PAGES pages of PAGE_SIZE channels. */
export const PAGES = 50;
export const PAGE_SIZE = 1000;
export const RECORDS = PAGES * PAGE_SIZE;

/** The create request's JSON-in-form fields, as objects (the SDK and twilio-node encode them). */
export const CREATE_CHANNEL: FlexApi.AgentChannelParams = {
  type: "sms",
  initiated_by: "agent",
  participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
};
export const CREATE_ROUTING = {
  properties: {
    workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    task_channel_unique_name: "sms",
    attributes: { customerName: "first last", customerAddress: "+15551234567" },
  },
} satisfies FlexApi.AgentRoutingParams;

/** The Interaction of the spec's example, with URLs on `origin`. */
export function interaction(origin: string): Record<string, unknown> {
  return {
    sid: INTERACTION_SID,
    channel: { type: "sms", sid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    routing: {
      reservation: null,
      properties: {
        sid: "WTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        account_sid: ACCOUNT_SID,
        workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        workflow_name: "Assign to Anyone",
        queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        queue_name: "Everyone",
        task_channel_sid: "TCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        task_channel_unique_name: "sms",
        routing_target: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        assignment_status: "pending",
        priority: 0,
        age: 0,
        age_in_queue: 0,
        timeout: 86400,
        assignmentCounter: 0,
        reason: null,
        attributes: JSON.stringify({ ...CREATE_ROUTING.properties.attributes, flexInteractionSid: INTERACTION_SID }),
        addons: "{}",
        date_created: 1637013849,
        date_updated: 1637013849,
        task_queue_entered_date: 1637013849,
      },
    },
    interaction_context_sid: null,
    webhook_ttid: null,
    url: `${origin}${INTERACTION_PATH}`,
    links: { channels: `${origin}${CHANNELS_PATH}` },
  };
}

function channelSid(index: number): string {
  return `UO${index.toString(16).padStart(32, "0")}`;
}

/** The URL of page `page` (zero-based) of the channel list. */
export function pageUrl(origin: string, page: number): string {
  return `${origin}${CHANNELS_PATH}?PageSize=${PAGE_SIZE}&Page=${page}&PageToken=PA${page}`;
}

/** Page `page` (zero-based) of the channel list, with absolute `meta` URLs as Twilio sends them. */
export function channelPage(origin: string, page: number): Record<string, unknown> {
  const channels = [];
  for (let i = page * PAGE_SIZE; i < (page + 1) * PAGE_SIZE; i++) {
    const url = `${origin}${CHANNELS_PATH}/${channelSid(i)}`;
    channels.push({
      sid: channelSid(i),
      interaction_sid: INTERACTION_SID,
      type: "sms",
      status: "active",
      error_code: null,
      error_message: null,
      url,
      links: { participants: `${url}/Participants`, invites: `${url}/Invites`, transfers: `${url}/Transfers` },
    });
  }
  return {
    channels,
    meta: {
      page,
      page_size: PAGE_SIZE,
      first_page_url: pageUrl(origin, 0),
      previous_page_url: page > 0 ? pageUrl(origin, page - 1) : null,
      url: pageUrl(origin, page),
      next_page_url: page + 1 < PAGES ? pageUrl(origin, page + 1) : null,
      key: "channels",
    },
  };
}

// The SDK calls the fault tests make: one per method (GET, POST, DELETE) and a
// paginated list, each on a real operation of the spec.
import type { FetchResult, InteractionsClient } from "twilio-interactions";
import { INTERACTION_SID, PROXY_INTERACTION_SID, SERVICE_SID, SESSION_SID } from "../helpers/fixtures";

export interface Call {
  method: "GET" | "POST" | "DELETE";
  /** Path of the request on the server. */
  path: string;
  /** Resolves to the call's FetchResult, or (for lists) collects items into `items` and resolves to nothing. */
  run(client: InteractionsClient, items: unknown[]): Promise<FetchResult | void>;
}

const CREATE_BODY = {
  Channel: {
    type: "web",
    initiated_by: "customer",
    properties: { media_channel_sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
  },
  Routing: { properties: { workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },
} as const;

export const CALLS = {
  fetch: {
    method: "GET",
    path: `/v1/Interactions/${INTERACTION_SID}`,
    run: (client) => client.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } }),
  },
  create: {
    method: "POST",
    path: "/v1/Interactions",
    run: (client) => client.flex.POST("/v1/Interactions", { body: CREATE_BODY }),
  },
  delete: {
    method: "DELETE",
    path: `/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Interactions/${PROXY_INTERACTION_SID}`,
    run: (client) =>
      client.proxy.DELETE("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
        params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID, Sid: PROXY_INTERACTION_SID } },
      }),
  },
  list: {
    method: "GET",
    path: `/v1/Interactions/${INTERACTION_SID}/Channels`,
    async run(client, items) {
      const channels = client.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: { InteractionSid: INTERACTION_SID } },
      });
      for await (const channel of channels) items.push(channel);
    },
  },
} satisfies Record<string, Call>;

export type CallName = keyof typeof CALLS;

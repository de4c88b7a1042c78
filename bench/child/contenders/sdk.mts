// This SDK, as users get it: the built package installed from its tarball,
// with default options except where the API lives.
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  CREATE_CHANNEL,
  CREATE_ROUTING,
  INTERACTION_SID,
  PAGE_SIZE,
} from "../../fixtures.mts";
import { type Load, expectInteraction } from "../contender.mts";

export const load: Load = async (origin) => {
  const { createInteractionsClient } = await import("twilio-interactions");
  const twilio = createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: origin, proxy: origin },
  });
  return {
    async get() {
      const { data } = await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
      expectInteraction(data, "twilio-interactions");
    },
    async post() {
      const { data } = await twilio.flex.POST("/v1/Interactions", {
        body: { Channel: CREATE_CHANNEL, Routing: CREATE_ROUTING },
      });
      expectInteraction(data, "twilio-interactions");
    },
    async paginate() {
      let records = 0;
      const channels = twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: { InteractionSid: INTERACTION_SID }, query: { PageSize: PAGE_SIZE } },
      });
      for await (const channel of channels) if (channel.sid) records++;
      return records;
    },
  };
};

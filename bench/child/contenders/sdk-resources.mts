// This SDK through its resource methods (`twilio.flex.interactions(sid).fetch()`),
// the layer most users call: the same installed package as the sdk contender,
// so the difference between the two is what the resource layer costs.
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
      expectInteraction(await twilio.flex.interactions(INTERACTION_SID).fetch(), "twilio-interactions resources");
    },
    async post() {
      const created = await twilio.flex.interactions.create({ Channel: CREATE_CHANNEL, Routing: CREATE_ROUTING });
      expectInteraction(created, "twilio-interactions resources");
    },
    async paginate() {
      let records = 0;
      const channels = twilio.flex.interactions(INTERACTION_SID).channels.list({ PageSize: PAGE_SIZE });
      for await (const channel of channels) if (channel.sid) records++;
      return records;
    },
  };
};

// twilio-node, loaded with require() as its documentation shows, and pointed
// at the bench server by replacing the Flex domain's base URL: requests still
// go through its own RequestClient, axios and Node's http stack.
import { createRequire } from "node:module";
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
  const twilio = createRequire(import.meta.url)("twilio") as typeof import("twilio");
  const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.flexApi.baseUrl = origin;
  // twilio-node loads each product lazily; a client is ready for Flex calls
  // once this has run, as the SDK's is when createInteractionsClient returns.
  const flex = client.flexApi.v1;
  return {
    async get() {
      expectInteraction(await flex.interaction(INTERACTION_SID).fetch(), "twilio-node");
    },
    async post() {
      expectInteraction(
        await flex.interaction.create({ channel: CREATE_CHANNEL, routing: CREATE_ROUTING }),
        "twilio-node",
      );
    },
    paginate() {
      let records = 0;
      return new Promise<number>((resolve, reject) => {
        flex.interaction(INTERACTION_SID).channels.each(
          {
            pageSize: PAGE_SIZE,
            done: (error?: Error) => (error ? reject(error) : resolve(records)),
          },
          (channel) => {
            if (channel.sid) records++;
          },
        );
      });
    },
  };
};

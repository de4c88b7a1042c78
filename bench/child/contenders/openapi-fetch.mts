// Bare openapi-fetch over the SDK's generated types: what the SDK builds on,
// without its checks, retries, timeouts or paginator. Next pages reuse the
// list path with the next URL's query, as the SDK does.
import type { FlexApi } from "twilio-interactions";
import { AUTHORIZATION, CREATE_CHANNEL, CREATE_ROUTING, INTERACTION_SID, PAGE_SIZE } from "../../fixtures.mts";
import { type Load, expectInteraction } from "../contender.mts";

export const load: Load = async (origin) => {
  const { default: createClient } = await import("openapi-fetch");
  const client = createClient<FlexApi.paths>({ baseUrl: origin, headers: { Authorization: AUTHORIZATION } });
  const formBody = (body: Record<string, unknown>) =>
    new URLSearchParams(Object.entries(body).map(([name, value]) => [name, JSON.stringify(value)])).toString();
  return {
    async get() {
      const { data } = await client.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
      expectInteraction(data, "openapi-fetch");
    },
    async post() {
      const { data } = await client.POST("/v1/Interactions", {
        body: { Channel: CREATE_CHANNEL, Routing: CREATE_ROUTING },
        bodySerializer: formBody,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
      expectInteraction(data, "openapi-fetch");
    },
    async paginate() {
      let records = 0;
      let next: URL | undefined;
      do {
        const query = next?.search.slice(1);
        const { data } = await client.GET("/v1/Interactions/{InteractionSid}/Channels", {
          params: { path: { InteractionSid: INTERACTION_SID }, query: { PageSize: PAGE_SIZE } },
          ...(query === undefined ? {} : { querySerializer: () => query }),
        });
        if (!data) throw new Error("openapi-fetch got no page");
        for (const channel of data.channels) if (channel.sid) records++;
        next = data.meta.next_page_url ? new URL(data.meta.next_page_url) : undefined;
      } while (next);
      return records;
    },
  };
};

// Plain `fetch` (undici on Node): the least a fetch-based client can do,
// with the same headers and form body as the SDK and no checks, retries or
// timeouts.
import {
  AUTHORIZATION,
  CREATE_CHANNEL,
  CREATE_ROUTING,
  INTERACTIONS_PATH,
  INTERACTION_PATH,
  pageUrl,
} from "../../fixtures.mts";
import { type ChannelPage, type Load, expectInteraction } from "../contender.mts";

export const load: Load = async (origin) => {
  const headers = { authorization: AUTHORIZATION, accept: "application/json" };
  const formHeaders = { ...headers, "content-type": "application/x-www-form-urlencoded" };
  const getJson = async (url: string): Promise<unknown> => (await fetch(url, { headers })).json();
  return {
    async get() {
      expectInteraction(await getJson(origin + INTERACTION_PATH), "fetch");
    },
    async post() {
      const body = new URLSearchParams({
        Channel: JSON.stringify(CREATE_CHANNEL),
        Routing: JSON.stringify(CREATE_ROUTING),
      });
      const response = await fetch(origin + INTERACTIONS_PATH, {
        method: "POST",
        headers: formHeaders,
        body: body.toString(),
      });
      expectInteraction(await response.json(), "fetch");
    },
    async paginate() {
      let records = 0;
      for (let url: string | null = pageUrl(origin, 0); url;) {
        const page = (await getJson(url)) as ChannelPage;
        for (const channel of page.channels) if (channel.sid) records++;
        url = page.meta.next_page_url;
      }
      return records;
    },
  };
};

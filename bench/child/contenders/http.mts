// The transport floor: node:http with a keep-alive agent, the body collected
// and parsed, nothing else. No client can do the same work for less.
import type { Agent, IncomingHttpHeaders } from "node:http";
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
  const http = await import("node:http");
  const agent: Agent = new http.Agent({ keepAlive: true });
  const { hostname, port } = new URL(origin);
  const send = (method: string, path: string, headers: IncomingHttpHeaders, body?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = http.request({ hostname, port, path, method, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode === 200) resolve(JSON.parse(text));
          else reject(new Error(`node:http got ${response.statusCode}: ${text}`));
        });
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(body);
    });
  const headers = { authorization: AUTHORIZATION, accept: "application/json" };
  return {
    async get() {
      expectInteraction(await send("GET", INTERACTION_PATH, headers), "node:http");
    },
    async post() {
      const body = new URLSearchParams({
        Channel: JSON.stringify(CREATE_CHANNEL),
        Routing: JSON.stringify(CREATE_ROUTING),
      });
      const formHeaders = { ...headers, "content-type": "application/x-www-form-urlencoded" };
      expectInteraction(await send("POST", INTERACTIONS_PATH, formHeaders, body.toString()), "node:http");
    },
    async paginate() {
      let records = 0;
      for (let url: string | null = pageUrl(origin, 0); url;) {
        const { pathname, search } = new URL(url);
        const page = (await send("GET", pathname + search, headers)) as ChannelPage;
        for (const channel of page.channels) if (channel.sid) records++;
        url = page.meta.next_page_url;
      }
      return records;
    },
  };
};

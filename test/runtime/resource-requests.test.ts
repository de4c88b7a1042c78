// A resource method sends its operation through the client's internal entry
// point (src/path-layer.ts, PREPARE) rather than through `GET`/`POST`/`DELETE`
// with an init: the request on the wire must be the same, byte for byte, as
// the equivalent path-layer call's, with and without middleware, and a call
// the path layer refuses must be refused with the same error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InteractionsClient, asSid, createInteractionsClient } from "twilio-interactions";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  CHANNEL_SID,
  INTERACTION_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) =>
    req.method === "DELETE"
      ? (res.writeHead(204), res.end())
      : json(res, 200, { sid: INTERACTION_SID, channels: [], meta: { next_page_url: null } }),
  );
});
afterAll(() => server.close());

const client = (middleware: boolean) => {
  const twilio = createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: server.url, proxy: `${server.url}/prefix` },
    maxRetries: 0,
  });
  if (middleware) {
    twilio.flex.use({ onRequest: () => undefined });
    twilio.proxy.use({ onRequest: () => undefined });
  }
  return twilio;
};

const INSTANCE_SID = asSid("GO", "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const TTID = "flex_interactionwebhook_0a";
// Text that form and JSON encoding treat differently from a URL parser ("'" above all).
const ODD_TEXT = "it's a/b?c&d=e #f ü 😀 (x)!*~";
const CHANNEL = { type: "sms", initiated_by: "agent", participants: [{ address: "+1", proxy_address: "+2" }] } as const;
const ROUTING = {
  properties: {
    workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    attributes: { note: ODD_TEXT },
  },
} as const;

type Call = (twilio: InteractionsClient) => Promise<unknown>;
// Each resource call beside the path-layer call it stands for.
const PAIRS: [string, Call, Call][] = [
  [
    "GET with a SID",
    (t) => t.flex.interactions(INTERACTION_SID).fetch(),
    (t) => t.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } }),
  ],
  [
    "GET with per-request options",
    (t) => t.flex.interactions(INTERACTION_SID).fetch({ maxRetries: 1, timeoutMs: 5_000 }),
    (t) =>
      t.flex.GET("/v1/Interactions/{Sid}", {
        params: { path: { Sid: INTERACTION_SID } },
        maxRetries: 1,
        timeoutMs: 5_000,
      }),
  ],
  [
    "POST with JSON-in-form fields",
    (t) => t.flex.interactions.create({ Channel: CHANNEL, Routing: ROUTING }),
    (t) => t.flex.POST("/v1/Interactions", { body: { Channel: CHANNEL, Routing: ROUTING } }),
  ],
  [
    "POST with two path values",
    (t) =>
      t.flex
        .interactions(INTERACTION_SID)
        .channels(CHANNEL_SID)
        .update({ Status: "closed", Routing: { status: "closed" } }),
    (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
        params: { path: { InteractionSid: INTERACTION_SID, Sid: CHANNEL_SID } },
        body: { Status: "closed", Routing: { status: "closed" } },
      }),
  ],
  [
    "POST with no params (an empty form)",
    (t) => t.flex.interactions(INTERACTION_SID).update(),
    (t) => t.flex.POST("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } }, body: {} as never }),
  ],
  [
    "POST with a JSON body",
    (t) =>
      t.flex
        .interactions(INTERACTION_SID)
        .channels(CHANNEL_SID)
        .transfers.create({ type: "warm", to: ODD_TEXT } as never),
    (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers", {
        params: { path: { InteractionSid: INTERACTION_SID, ChannelSid: CHANNEL_SID } },
        body: { type: "warm", to: ODD_TEXT } as never,
      }),
  ],
  [
    "DELETE with a pattern parameter",
    (t) => t.flex.instances(INSTANCE_SID).interactionWebhooks(TTID).remove(),
    (t) =>
      t.flex.DELETE("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", {
        params: { path: { InstanceSid: INSTANCE_SID, Ttid: TTID } },
      }),
  ],
  [
    "a list's first page",
    (t) => t.flex.interactions(INTERACTION_SID).channels.list({ PageSize: 5, limit: 3 }).toArray(),
    (t) =>
      t.flex
        .paginate("/v1/Interactions/{InteractionSid}/Channels", {
          params: { path: { InteractionSid: INTERACTION_SID }, query: { PageSize: 5 } },
          limit: 3,
        })
        .toArray(),
  ],
  [
    "GET under a base URL with a path",
    (t) => t.proxy.services(SERVICE_SID).sessions(SESSION_SID).interactions(PROXY_INTERACTION_SID).fetch(),
    (t) =>
      t.proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
        params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID, Sid: PROXY_INTERACTION_SID } },
      }),
  ],
];

async function sent(call: Call, middleware: boolean) {
  server.reset();
  await call(client(middleware));
  expect(server.requests).toHaveLength(1);
  return server.requests[0];
}

describe("a resource method sends what the path layer sends", () => {
  it.each(PAIRS)("%s", async (_name, viaResource, viaPath) => {
    const expected = await sent(viaPath, false);
    expect(await sent(viaResource, false)).toEqual(expected);
    expect(await sent(viaResource, true)).toEqual(expected);
    expect(await sent(viaPath, true)).toEqual(expected);
  });
});

// The path layer's refusal of a call, as the resource method must give it.
async function refusal(call: () => Promise<unknown>): Promise<unknown> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return { type: (error as Error).constructor.name, message: (error as Error).message };
}

describe("a resource method refuses what the path layer refuses, with the same error", () => {
  it.each([false, true])("with middleware: %s", async (middleware) => {
    server.reset();
    const t = client(middleware);
    expect(
      await refusal(() =>
        t.flex
          .instances(INSTANCE_SID)
          .interactionWebhooks("flex_other" as never)
          .fetch(),
      ),
    ).toEqual(
      await refusal(() =>
        t.flex.GET("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", {
          params: { path: { InstanceSid: INSTANCE_SID, Ttid: "flex_other" as never } },
        }),
      ),
    );
    expect(await refusal(() => t.flex.interactions(INTERACTION_SID).fetch({ timeoutMs: -1 }))).toEqual(
      await refusal(() =>
        t.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } }, timeoutMs: -1 }),
      ),
    );
    expect(
      await refusal(() => t.flex.interactions.create({ Channel: CHANNEL, Routing: { bad: 1n } } as never)),
    ).toEqual(
      await refusal(() =>
        t.flex.POST("/v1/Interactions", { body: { Channel: CHANNEL, Routing: { bad: 1n } } as never }),
      ),
    );
    expect(server.requests).toHaveLength(0);
  });
});

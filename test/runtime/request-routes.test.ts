// A call without middleware and without openapi-fetch's own options is built
// by the SDK itself (no Request, Headers or Response objects); with
// middleware, openapi-fetch builds it. Both routes must put the same request
// on the wire: the same method, path and query, headers and body, byte for byte.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type InteractionsClient, createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN, CHANNEL_SID, INTERACTION_SID, SERVICE_SID, SESSION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) =>
    req.method === "DELETE" ? (res.writeHead(204), res.end()) : json(res, 200, { sid: INTERACTION_SID }),
  );
});
afterAll(() => server.close());

const client = () =>
  createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: server.url, proxy: `${server.url}/prefix` },
    maxRetries: 0,
  });

// Query text that URL parsers and encodeURIComponent treat differently ("'" above all).
const ODD_TEXT = "it's a/b?c&d=e #f ü 😀 (x)!*~";

// Every kind of request the SDK builds: path parameters, query values of each kind, form and JSON bodies.
const CALLS: ((twilio: InteractionsClient) => Promise<unknown>)[] = [
  (twilio) => twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } }),
  (twilio) =>
    twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels", {
      params: {
        path: { InteractionSid: INTERACTION_SID },
        // Keys the spec does not list still go out, as openapi-fetch sends them.
        query: { PageSize: 5, Page: 0, Odd: ODD_TEXT, Many: ["a'b", "c d"], Flag: true } as never,
      },
    }),
  (twilio) =>
    twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: { type: "sms", initiated_by: "agent", participants: [{ address: "+1", proxy_address: "+2" }] },
        Routing: {
          properties: {
            workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            attributes: { note: ODD_TEXT },
          },
        },
      },
    }),
  (twilio) =>
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
      params: { path: { InteractionSid: INTERACTION_SID, Sid: CHANNEL_SID } },
      body: { Status: "closed", Routing: { status: "closed" } },
    }),
  (twilio) =>
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers", {
      params: { path: { InteractionSid: INTERACTION_SID, ChannelSid: CHANNEL_SID } },
      body: { Routing: ODD_TEXT } as never,
    }),
  (twilio) =>
    twilio.flex.DELETE("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", {
      params: { path: { InstanceSid: "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Ttid: "flex_interactionwebhook_0a" } },
    }),
  (twilio) =>
    twilio.proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
      params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID }, query: { PageSize: 2 } },
    }),
];

it.each(CALLS.map((call, index) => [index, call] as const))(
  "call %i sends the same request with and without middleware",
  async (_index, call) => {
    const plain = client();
    const withMiddleware = client();
    let seen = 0;
    withMiddleware.flex.use({ onRequest: () => void seen++ });
    withMiddleware.proxy.use({ onRequest: () => void seen++ });

    server.reset();
    await call(plain);
    const [direct] = server.requests;
    server.reset();
    await call(withMiddleware);
    const [viaOpenapiFetch] = server.requests;

    expect(seen).toBe(1);
    expect(direct).toBeDefined();
    expect(direct).toEqual(viaOpenapiFetch);
  },
);

it("sends a query with the characters a URL parser encodes as the parser leaves them", async () => {
  server.reset();
  await client().flex.GET("/v1/Interactions/{InteractionSid}/Channels", {
    params: { path: { InteractionSid: INTERACTION_SID }, query: { Odd: "it's" } as never },
  });
  expect(server.requests[0]?.url).toBe(`/v1/Interactions/${INTERACTION_SID}/Channels?Odd=it%27s`);
});

// createClientFor: one API's client on its own, the same as that API's
// property of createInteractionsClient, and what a bundler keeps of the SDK
// for a program that uses one API (the other API's data, and the webhook
// and JSON-string data nobody reads, must go).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type InteractionsClientOptions,
  TwilioConfigError,
  createClientFor,
  createInteractionsClient,
  flexApi,
  proxyApi,
} from "twilio-interactions";
import { bundleFromSources, dataIn, oneApiConsumer } from "../helpers/bundle-markers";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

const SESSION = { ServiceSid: `KS${"a".repeat(32)}` as const, SessionSid: `KC${"a".repeat(32)}` as const };
let server: TestServer;
const options = (extra: InteractionsClientOptions = {}): InteractionsClientOptions => ({
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  baseUrls: { flex: server.url, proxy: server.url },
  ...extra,
});

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset((_req, res) => json(res, 200, { sid: INTERACTION_SID, interactions: [], meta: {} })));

describe("createClientFor", () => {
  it("builds the Flex client alone: path layer and resource methods, with the credentials", async () => {
    const flex = createClientFor(flexApi, options());
    expect(flex.baseUrl).toBe(server.url);
    const { data } = await flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    expect(data?.sid).toBe(INTERACTION_SID);
    expect((await flex.interactions(INTERACTION_SID).fetch()).sid).toBe(INTERACTION_SID);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /v1/Interactions/${INTERACTION_SID}`,
      `GET /v1/Interactions/${INTERACTION_SID}`,
    ]);
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`,
    );
  });

  it("builds the Proxy client alone, with the same methods as twilio.proxy", async () => {
    const proxy = createClientFor(proxyApi, options());
    const twilio = createInteractionsClient(options());
    expect(Object.keys(proxy).sort()).toEqual(Object.keys(twilio.proxy).sort());
    await proxy.services(SESSION.ServiceSid).sessions(SESSION.SessionSid).interactions.list().toArray();
    expect(server.requests.map((r) => r.url)).toEqual([
      `/v1/Services/${SESSION.ServiceSid}/Sessions/${SESSION.SessionSid}/Interactions`,
    ]);
  });

  it("checks the options as createInteractionsClient does, before any request", () => {
    expect(() => createClientFor(flexApi, options({ maxRetries: 11 }))).toThrow(TwilioConfigError);
    expect(() => createClientFor(flexApi, { retries: 3 } as InteractionsClientOptions)).toThrow(
      /Unknown option "retries"/,
    );
    expect(server.requests).toEqual([]);
  });

  it("refuses anything but an API description of the SDK", () => {
    for (const api of [undefined, null, "flex", { ...flexApi, name: "video" }]) {
      expect(() => createClientFor(api as typeof flexApi, options())).toThrow(
        "createClientFor takes the description of an API of this SDK (flexApi, proxyApi).",
      );
    }
  });
});

describe("a bundle of a program that uses one API", () => {
  it.each(["flex", "proxy"] as const)("holds only the %s API's data", async (api) => {
    expect(dataIn(await bundleFromSources(oneApiConsumer(api)))).toEqual([api]);
  });

  it("of both holds both, and the webhook receivers bring the event data", async () => {
    const code = await bundleFromSources(
      'import { createInteractionsClient, toInteractionEvent } from "twilio-interactions";\n' +
        "console.log(createInteractionsClient(), toInteractionEvent);\n",
    );
    expect(dataIn(code)).toEqual(["flex", "proxy", "webhooks"]);
  });
});

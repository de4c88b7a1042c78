// createPathClientFor: one API's path layer alone (GET, POST, DELETE), the
// same calls as on createClientFor's client, and what a bundler keeps of the
// SDK for a program that only calls paths: no resource tree or methods, no
// paginate, no openapi-fetch client.
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  InvalidSidError,
  TwilioConfigError,
  TwilioValidationError,
  createClientFor,
  createPathClientFor,
  flexApi,
  flexPathApi,
  proxyPathApi,
} from "twilio-interactions";
import { bundleFromSources, codeIn, dataIn, oneApiConsumer, pathClientConsumer } from "../helpers/bundle-markers";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  INTERACTION_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
const options = () => ({
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  baseUrls: { flex: server.url, proxy: server.url },
});

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset((_req, res) => json(res, 200, { sid: INTERACTION_SID })));

describe("createPathClientFor", () => {
  it("sends what createClientFor's path layer sends, and answers alike", async () => {
    const path = createPathClientFor(flexPathApi, options());
    const full = createClientFor(flexApi, options());
    const body = { Routing: { properties: { workspace_sid: "WS1" } }, Channel: { type: "sms" } };
    for (const client of [path, full]) {
      const { data } = await client.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
      expect(data?.sid).toBe(INTERACTION_SID);
      await client.POST("/v1/Interactions", { body: body as never });
    }
    const [pathGet, pathPost, fullGet, fullPost] = server.requests;
    expect(pathGet).toEqual({ ...fullGet, headers: expect.anything() });
    expect(pathPost).toEqual({ ...fullPost, headers: expect.anything() });
    expect(pathPost?.headers).toEqual(fullPost?.headers);
    expect(pathPost?.body).toContain("Routing=%7B%22properties");
    expect(path.baseUrl).toBe(server.url);
  });

  it("builds the Proxy path layer, and takes a full description too", async () => {
    const proxy = createPathClientFor(proxyPathApi, options());
    const { data } = await proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
      params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID, Sid: PROXY_INTERACTION_SID } },
    });
    expect(data?.sid).toBe(INTERACTION_SID);
    expect(Object.keys(createPathClientFor(flexApi, options())).sort()).toEqual([
      "DELETE",
      "GET",
      "POST",
      "baseUrl",
      "toJSON",
    ]);
  });

  it("checks SIDs and refuses openapi-fetch's own options before sending anything", async () => {
    const flex = createPathClientFor(flexPathApi, options());
    await expect(
      flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: ("UO" + "a".repeat(32)) as never } } }),
    ).rejects.toThrow(InvalidSidError);
    const refused = flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: INTERACTION_SID } },
      headers: { "x-trace": "1" },
      parseAs: "text",
    });
    await expect(refused).rejects.toThrow(TwilioValidationError);
    await expect(refused).rejects.toThrow(/not "headers", "parseAs": build the client with createClientFor/);
    expect(server.requests).toEqual([]);
  });

  it("checks its options and the description as createClientFor does", () => {
    expect(() => createPathClientFor(flexPathApi, { ...options(), maxRetries: 11 })).toThrow(TwilioConfigError);
    for (const api of [undefined, null, "flex", { ...flexPathApi, name: "video" }]) {
      expect(() => createPathClientFor(api as typeof flexPathApi, options())).toThrow(
        "createPathClientFor takes the description of an API of this SDK (flexPathApi, proxyPathApi).",
      );
    }
    // What it shows of itself is its base URL: never the credentials.
    const client = createPathClientFor(flexPathApi, options());
    expect(inspect(client)).toBe(`PathClient { baseUrl: '${server.url}' }`);
    expect(JSON.stringify(client)).toBe(JSON.stringify({ baseUrl: server.url }));
  });
});

// From the sources, `#wire-node` is the node:http wire's source (test/package checks the published stub).
const beyondPathLayer = (code: string) => codeIn(code).filter((part) => part !== "nodeWire");

describe("a bundle of a program that calls one path", () => {
  it.each(["flex", "proxy"] as const)("holds the %s API's paths and none of the rest of the client", async (api) => {
    const code = await bundleFromSources(pathClientConsumer(api));
    expect(dataIn(code)).toEqual([api]);
    expect(beyondPathLayer(code)).toEqual([]);
  });

  it("with createClientFor holds the resource methods, paginate and openapi-fetch's client", async () => {
    const code = await bundleFromSources(oneApiConsumer("flex"));
    expect(beyondPathLayer(code)).toEqual(["resources", "paginate", "openapiFetchClient"]);
  });
});

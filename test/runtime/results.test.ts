// The `response` of a call's result and of a page is built only when read;
// read, it must behave in every way as the plain property holding a web
// Response that it stands for.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.includes("Channels")) {
      return json(res, 200, {
        channels: [{ sid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }],
        meta: { next_page_url: null },
      });
    }
    if (req.url.includes("KDbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")) {
      return json(res, 404, { status: 404, message: "not here", code: 20404 }, { "twilio-request-id": "RQ2" });
    }
    json(res, 200, { sid: INTERACTION_SID }, { "twilio-request-id": "RQ1", "x-echo": `Basic ${AUTH_TOKEN}` });
  });
});
afterAll(() => server.close());

const twilio = () =>
  createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: server.url, proxy: server.url },
    maxRetries: 0,
  });
const fetchInteraction = (sid = INTERACTION_SID) =>
  twilio().flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: sid as typeof INTERACTION_SID } } });

describe("a call's result", () => {
  it("has data and response as its own enumerable keys, in that order", async () => {
    const result = await fetchInteraction();
    expect(Object.keys(result)).toEqual(["data", "response"]);
    expect("response" in result).toBe(true);
    expect(Object.getOwnPropertySymbols(result).filter((s) => result.propertyIsEnumerable(s))).toEqual([]);
  });

  it("holds one Response with the status and the headers, the credential removed", async () => {
    const result = await fetchInteraction();
    const { response } = result;
    expect(response).toBeInstanceOf(Response);
    expect(result.response).toBe(response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("twilio-request-id")).toBe("RQ1");
    expect(response.headers.get("x-echo")).toBe("Basic [REDACTED]");
    expect(response.headers.has("content-length")).toBe(false);
    expect(response.body).toBeNull();
  });

  it("is spread, compared, serialised and printed as a plain object", async () => {
    const result = await fetchInteraction();
    const copy = { ...result };
    expect(copy.response).toBe(result.response);
    expect(result).toEqual({ data: { sid: INTERACTION_SID }, response: result.response });
    expect(JSON.stringify(result)).toBe(JSON.stringify({ data: { sid: INTERACTION_SID }, response: {} }));
    const printed = inspect(result);
    expect(printed).toContain("response: Response {");
    expect(printed).toContain("status: 200");
    expect(printed).not.toContain("Getter");
  });

  it("takes another value, as a plain property does", async () => {
    const result = await fetchInteraction();
    const replacement = new Response("{}", { status: 201 });
    result.response = replacement;
    expect(result.response).toBe(replacement);
    expect(Object.keys(result)).toEqual(["data", "response"]);
    expect(delete (result as { response?: Response }).response).toBe(true);
    expect("response" in result).toBe(false);
  });

  it("of an error has error and response, the Response with the error's status", async () => {
    const result = await fetchInteraction("KDbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    expect(Object.keys(result)).toEqual(["error", "response"]);
    expect(result.error).toMatchObject({ status: 404, message: "not here" });
    expect(result.response.status).toBe(404);
    expect(result.response.headers.get("twilio-request-id")).toBe("RQ2");
  });

  it("of a resource method's withResponse() carries the same Response", async () => {
    const { data, response, requestId } = await twilio().flex.interactions(INTERACTION_SID).fetch().withResponse();
    expect(data.sid).toBe(INTERACTION_SID);
    expect(response).toBeInstanceOf(Response);
    expect(requestId).toBe("RQ1");
  });
});

describe("a page", () => {
  it("has items, meta, body and response, the response built when read", async () => {
    const pages = twilio().flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
      params: { path: { InteractionSid: INTERACTION_SID } },
    });
    for await (const page of pages.pages()) {
      expect(Object.keys(page)).toEqual(["items", "meta", "body", "response"]);
      expect(page.response).toBeInstanceOf(Response);
      expect(page.response).toBe(page.response);
      expect(page.response.status).toBe(200);
      expect(inspect(page)).toContain("response: Response {");
    }
  });
});

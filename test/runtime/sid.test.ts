// SIDs: the helpers, and the promise that a request whose SID path parameter
// (or other patterned path parameter, such as a webhook ttid) is wrong never
// leaves the process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidSidError, TwilioValidationError, asSid, createInteractionsClient, isSid } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN, CHANNEL_SID, INTERACTION_SID, SERVICE_SID, SESSION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

describe("isSid and asSid", () => {
  it("accept a prefix followed by 32 hex digits, in either case", () => {
    expect(isSid("KD", INTERACTION_SID)).toBe(true);
    expect(isSid("KD", "KD0123456789ABCDEF0123456789abcdef")).toBe(true);
    expect(asSid("UO", CHANNEL_SID)).toBe(CHANNEL_SID);
  });

  it.each([
    ["UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a UO… SID"],
    ["KDaaaa", 'a 6-character string starting with "KD" (a SID has 34)'],
    [
      "KDzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
      'a 34-character string starting with "KD" with characters that are not hexadecimal digits',
    ],
    [` ${INTERACTION_SID}`, "a 35-character string containing whitespace"],
    ["", "an empty string"],
    [undefined, "undefined"],
    [null, "null"],
    [42, "a number"],
  ])("reject %j, saying %s", (value, description) => {
    expect(isSid("KD", value)).toBe(false);
    expect(() => asSid("KD", value)).toThrow(InvalidSidError);
    expect(() => asSid("KD", value)).toThrow(
      `SID must be a KD… SID (KD followed by 32 hexadecimal digits), but got ${description}.`,
    );
  });

  it("is an InvalidSidError that says which prefix it expected", () => {
    try {
      asSid("KS", CHANNEL_SID, "ServiceSid");
    } catch (error) {
      expect(error).toBeInstanceOf(TwilioValidationError);
      expect(error).toMatchObject({ name: "InvalidSidError", expectedPrefix: "KS", parameter: "ServiceSid" });
      return;
    }
    throw new Error("asSid did not throw");
  });
});

describe("a request with an invalid SID path parameter", () => {
  let server: TestServer;
  let twilio: ReturnType<typeof createInteractionsClient>;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    twilio = createInteractionsClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrls: { flex: server.url, proxy: server.url },
    });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it("throws InvalidSidError naming the parameter and sends nothing", async () => {
    const plain: string = "not-a-sid";
    await expect(
      // @ts-expect-error a plain string is not a Sid<"KD">; JavaScript callers get the runtime check
      twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: plain } } }),
    ).rejects.toThrow(/^Sid must be a KD… SID/);
    await expect(
      twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
        // The SIDs are swapped: each has the other's prefix.
        params: { path: { InteractionSid: CHANNEL_SID as never, Sid: INTERACTION_SID as never } },
        body: { Status: "closed" },
      }),
    ).rejects.toThrow(new InvalidSidError("KD", CHANNEL_SID, "InteractionSid"));
    await expect(
      twilio.proxy.DELETE("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
        params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID, Sid: "KI" as never } },
      }),
    ).rejects.toBeInstanceOf(InvalidSidError);
    expect(() =>
      twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: { InteractionSid: "KD1" as never } },
      }),
    ).toThrow(InvalidSidError);
    expect(server.requests).toEqual([]);
  });

  it("has a counterpart for identifiers that are not SIDs: a ttid must match its pattern", async () => {
    const path = "/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}" as const;
    const call = (Ttid: unknown) =>
      twilio.flex.GET(path, {
        params: { path: { InstanceSid: "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Ttid: Ttid as never } },
      });
    const expected = "Ttid must match ^flex_interactionwebhook_[0-9a-z]+$, but got";
    await expect(call("flex_interactionwebhook_01/../../x")).rejects.toThrow(
      `${expected} a 34-character string; pass the value Twilio returned.`,
    );
    await expect(call(INTERACTION_SID)).rejects.toBeInstanceOf(TwilioValidationError);
    await expect(call(undefined)).rejects.toThrow(`${expected} undefined;`);
    await expect(call(42)).rejects.toThrow(`${expected} a number;`);
    const plain: string = "x";
    await expect(
      // @ts-expect-error a plain string is not a ttid
      twilio.flex.GET(path, { params: { path: { InstanceSid: "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Ttid: plain } } }),
    ).rejects.toThrow(`${expected} a 1-character string;`);
    expect(server.requests).toEqual([]);
    await twilio.flex.GET(path, {
      params: {
        path: {
          InstanceSid: "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          Ttid: "flex_interactionwebhook_01jke8z8vte4ette30t5w9h081",
        },
      },
    });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/Instances/GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/InteractionWebhooks/flex_interactionwebhook_01jke8z8vte4ette30t5w9h081",
    ]);
  });

  it("is checked even when the path parameter is missing", async () => {
    await expect(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: {} } } as never)).rejects.toThrow(
      "Sid must be a KD… SID (KD followed by 32 hexadecimal digits), but got undefined.",
    );
    expect(server.requests).toEqual([]);
  });

  it("and an out-of-range page size are refused before sending", async () => {
    const path = "/v1/Interactions/{InteractionSid}/Channels" as const;
    const params = (query: Record<string, unknown>) => ({
      params: { path: { InteractionSid: INTERACTION_SID }, query },
    });
    await expect(twilio.flex.GET(path, params({ PageSize: 1001 }))).rejects.toThrow(
      "PageSize must be an integer from 1 to 1000, but got 1001.",
    );
    await expect(twilio.flex.GET(path, params({ PageSize: 0 }))).rejects.toThrow(TwilioValidationError);
    await expect(twilio.flex.GET(path, params({ PageSize: 2.5 }))).rejects.toThrow(/but got 2.5/);
    await expect(twilio.flex.GET(path, params({ PageSize: "50" }))).rejects.toThrow(/but got the string "50"/);
    await expect(twilio.flex.GET(path, params({ Page: -1 }))).rejects.toThrow(
      "Page must be an integer at least 0, but got -1.",
    );
    expect(server.requests).toEqual([]);
    await twilio.flex.GET(path, params({ PageSize: 1000, Page: 0 }));
    expect(server.requests.map((r) => r.url)).toEqual([
      `/v1/Interactions/${INTERACTION_SID}/Channels?PageSize=1000&Page=0`,
    ]);
  });
});

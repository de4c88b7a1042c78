// Receiving interaction events: a signed event comes back typed; a changed
// parameter, a wrong token, a missing signature, an unknown EventType or a
// malformed body is a typed error and nothing partial. Web-standard Requests
// are built in-process, as edge runtimes hand them over; the Node receiver
// runs behind a real node:http server on loopback.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  type InteractionEvent,
  MalformedEventError,
  type Sid,
  TwilioConfigError,
  UnknownEventTypeError,
  WebhookSignatureError,
  bodySha256,
  receiveInteractionEvent,
  receiveNodeInteractionEvent,
  twilioSignature,
} from "twilio-interactions";
import { clearTwilioEnv } from "../helpers/env";
import { AUTH_TOKEN } from "../helpers/fixtures";
import { type TestServer, startServer } from "../helpers/server";
import { EXAMPLES, FORM, LEFT, URL_, refusal, signedRequest } from "./support";

afterEach(() => vi.unstubAllEnvs());

describe("receiveInteractionEvent", () => {
  it.each(Object.keys(EXAMPLES))("returns a signed %s as the typed event", async (name) => {
    const event = await receiveInteractionEvent(await signedRequest(EXAMPLES[name]!), { authToken: AUTH_TOKEN });
    const expected: Record<string, unknown> = { ...EXAMPLES[name] };
    if ("ErrorCode" in expected) expected.ErrorCode = Number(expected.ErrorCode);
    expect(event).toEqual(expected);
  });

  it("refuses a changed parameter, a wrong token, a missing signature, and another URL", async () => {
    const changed = await refusal(
      receiveInteractionEvent(await signedRequest(LEFT, { change: { ParticipantSid: `UT${"b".repeat(32)}` } }), {
        authToken: AUTH_TOKEN,
      }),
    );
    expect(changed).toBeInstanceOf(WebhookSignatureError);
    expect(changed).toMatchObject({ reason: "mismatch" });

    const otherToken = await refusal(
      receiveInteractionEvent(await signedRequest(LEFT, { token: "another-token" }), { authToken: AUTH_TOKEN }),
    );
    expect(otherToken).toMatchObject({ name: "WebhookSignatureError", reason: "mismatch" });

    const unsigned = new Request(URL_, { method: "POST", body: new URLSearchParams(LEFT) });
    expect(await refusal(receiveInteractionEvent(unsigned, { authToken: AUTH_TOKEN }))).toMatchObject({
      reason: "missing",
    });

    const proxied = await signedRequest(LEFT);
    const wrongUrl = await refusal(
      receiveInteractionEvent(proxied, { authToken: AUTH_TOKEN, url: "https://example.org/flex-events" }),
    );
    expect(wrongUrl.message).toMatch(/pass the public URL as `url`/);
  });

  it("verifies against the public URL given as `url` (behind a proxy)", async () => {
    const signed = await signedRequest(LEFT, { url: "https://public.example.org/hook" });
    const internal = new Request("http://10.0.0.7:8080/hook", {
      method: "POST",
      body: await signed.text(),
      headers: signed.headers,
    });
    await expect(receiveInteractionEvent(internal, { authToken: AUTH_TOKEN })).rejects.toThrow(WebhookSignatureError);
    const again = new Request("http://10.0.0.7:8080/hook", {
      method: "POST",
      body: new URLSearchParams(LEFT),
      headers: signed.headers,
    });
    await expect(
      receiveInteractionEvent(again, { authToken: AUTH_TOKEN, url: "https://public.example.org/hook" }),
    ).resolves.toMatchObject({ EventType: "onParticipantLeft" });

    // A GET webhook's parameters are in the query Twilio signed: the public URL plus the request's own query.
    const query = `?${new URLSearchParams(LEFT)}`;
    const get = new Request(`http://10.0.0.7:8080/hook${query}`, {
      headers: {
        "x-twilio-signature": await twilioSignature(AUTH_TOKEN, `https://public.example.org/hook${query}`, {}),
      },
    });
    const url = `https://public.example.org/hook${new URL(get.url).search}`;
    await expect(receiveInteractionEvent(get, { authToken: AUTH_TOKEN, url })).resolves.toMatchObject(LEFT);
  });

  it("needs a token or an explicit verifySignature: false", async () => {
    clearTwilioEnv();
    const request = await signedRequest(LEFT);
    await expect(receiveInteractionEvent(request.clone())).rejects.toThrow(TwilioConfigError);
    await expect(receiveInteractionEvent(request.clone())).rejects.toThrow(/verifySignature: false/);
    await expect(
      receiveInteractionEvent(request.clone(), { verifySignature: false, authToken: AUTH_TOKEN } as never),
    ).rejects.toThrow(TwilioConfigError);

    vi.stubEnv("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
    await expect(receiveInteractionEvent(request.clone())).resolves.toMatchObject({ EventType: "onParticipantLeft" });
    vi.stubEnv("TWILIO_AUTH_TOKEN", "another-token");
    await expect(receiveInteractionEvent(request.clone())).rejects.toThrow(WebhookSignatureError);

    const unsigned = new Request(URL_, { method: "POST", body: new URLSearchParams(LEFT) });
    await expect(receiveInteractionEvent(unsigned, { verifySignature: false })).resolves.toMatchObject(LEFT);
  });

  it("keeps parameters Twilio adds, accepts new channel statuses, and leaves out empty optional ones", async () => {
    const params = {
      ...EXAMPLES.onChannelStatusUpdated!,
      ChannelStatus: "paused-by-robot",
      NewThing: "x",
      InstanceSid: "",
    };
    const event = await receiveInteractionEvent(await signedRequest(params), { authToken: AUTH_TOKEN });
    expect(event).toMatchObject({ ChannelStatus: "paused-by-robot", NewThing: "x" });
    expect(event).not.toHaveProperty("InstanceSid");
  });

  it("reads GET events from the query string, signed as a URL with no parameters", async () => {
    const url = `${URL_}&${new URLSearchParams(LEFT)}`;
    const request = new Request(url, { headers: { "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, {}) } });
    await expect(receiveInteractionEvent(request, { authToken: AUTH_TOKEN })).resolves.toMatchObject({
      ...LEFT,
      tenant: "a",
    });
  });

  it("reads JSON bodies signed through bodySHA256, and refuses a changed body", async () => {
    const body = JSON.stringify({ ...LEFT, Nested: { a: 1 } });
    const url = `${URL_}&bodySHA256=${await bodySha256(body)}`;
    const headers = {
      "content-type": "application/json",
      "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, {}),
    };
    const event = await receiveInteractionEvent(new Request(url, { method: "POST", body, headers }), {
      authToken: AUTH_TOKEN,
    });
    expect(event).toEqual({ ...LEFT, Nested: { a: 1 } });
    const changed = body.replace("UTaaaa", "UTbbbb");
    expect(
      await refusal(
        receiveInteractionEvent(new Request(url, { method: "POST", body: changed, headers }), {
          authToken: AUTH_TOKEN,
        }),
      ),
    ).toMatchObject({ reason: "body-hash" });
  });

  it("refuses an unknown EventType, naming the known ones", async () => {
    const error = await refusal(
      receiveInteractionEvent(await signedRequest({ ...LEFT, EventType: "onParticipantAdded" }), {
        authToken: AUTH_TOKEN,
      }),
    );
    expect(error).toBeInstanceOf(UnknownEventTypeError);
    expect(error).toMatchObject({ eventType: "onParticipantAdded" });
    expect(error.message).toContain("onParticipantJoined");
  });

  const { EventType: _type, ...noType } = LEFT;
  const { ParticipantSid: _participant, ...noParticipant } = LEFT;
  it.each([
    ["a missing EventType", noType, "EventType", /EventType is missing/],
    ["a missing required parameter", noParticipant, "ParticipantSid", /ParticipantSid is missing/],
    ["a SID of the wrong kind", { ...LEFT, ChannelSid: LEFT.InteractionSid! }, "ChannelSid", /not a UO… SID/],
    [
      "an ErrorCode that is not a number",
      { ...EXAMPLES.onChannelCreateFailed!, ErrorCode: "4x" },
      "ErrorCode",
      /not an integer/,
    ],
    [
      "a repeated documented parameter",
      { ...LEFT, InteractionSid: [LEFT.InteractionSid!, LEFT.InteractionSid!] },
      "InteractionSid",
      /repeated/,
    ],
  ])("refuses %s, naming the parameter and not its value", async (_case, params, parameter, message) => {
    const error = await refusal(receiveInteractionEvent(await signedRequest(params), { authToken: AUTH_TOKEN }));
    expect(error).toBeInstanceOf(MalformedEventError);
    expect(error).toMatchObject({ parameter });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("aaaaaaaa");
  });

  it.each([
    ["a body that is not UTF-8", FORM, new Uint8Array([0x45, 0x3d, 0xff, 0xfe])],
    ["a JSON body that does not parse", "application/json", "{"],
    ["a JSON body that is not an object", "application/json", "[1]"],
    ["a body of another type", "text/plain", "EventType=onParticipantLeft"],
  ])("refuses %s", async (_case, type, body) => {
    const request = new Request(URL_, { method: "POST", body, headers: { "content-type": type } });
    const error = await refusal(receiveInteractionEvent(request, { verifySignature: false }));
    expect(error).toMatchObject({ name: "MalformedEventError", parameter: "body" });
  });

  it("never shows the token in an error", async () => {
    const error = await refusal(
      receiveInteractionEvent(await signedRequest(LEFT, { token: "x" }), { authToken: AUTH_TOKEN }),
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "WebhookSignatureError",
      message: error.message,
      reason: "mismatch",
    });
    for (const shown of [error.message, String(error.stack), inspect(error), JSON.stringify(error)]) {
      expect(shown).not.toContain(AUTH_TOKEN);
    }
  });

  it("types the event by EventType, with branded SIDs and a numeric ErrorCode", async () => {
    const event: InteractionEvent = await receiveInteractionEvent(await signedRequest(LEFT), { authToken: AUTH_TOKEN });
    if (event.EventType === "onParticipantLeft") {
      expectTypeOf(event.ParticipantSid).toEqualTypeOf<Sid<"UT">>();
      expectTypeOf(event.InteractionSid).toEqualTypeOf<Sid<"KD">>();
    }
    if (event.EventType === "onChannelCreateFailed") expectTypeOf(event.ErrorCode).toEqualTypeOf<number>();
    if (event.EventType === "onChannelStatusUpdated") {
      expectTypeOf<"inactive">().toMatchTypeOf<typeof event.ChannelStatus>();
      expectTypeOf<"anything-new">().toMatchTypeOf<typeof event.ChannelStatus>();
    }
    expect(event.EventType).toBe("onParticipantLeft");
  });
});

describe("receiveNodeInteractionEvent behind node:http", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(async (request, response, raw) => {
      try {
        const event = await receiveNodeInteractionEvent(raw, request.body, { authToken: AUTH_TOKEN });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(event));
      } catch (error) {
        response.writeHead(403).end(error instanceof Error ? error.name : "error");
      }
    });
  });
  afterAll(() => server.close());

  async function post(params: Record<string, string>, signedParams = params): Promise<Response> {
    const url = `${server.url}/flex-events?tenant=a`;
    return fetch(url, {
      method: "POST",
      body: new URLSearchParams(params),
      headers: { "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, signedParams) },
    });
  }

  it("accepts a signed event, with the URL rebuilt from the Host header", async () => {
    const response = await post(LEFT);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(LEFT);
  });

  it("refuses an event with a changed parameter", async () => {
    const response = await post({ ...LEFT, TaskSid: `WT${"b".repeat(32)}` }, LEFT);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("WebhookSignatureError");
  });
});

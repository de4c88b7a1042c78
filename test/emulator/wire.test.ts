// What the emulator does at the HTTP level, over loopback and in-process:
// validation errors that name the broken rule, 404s, both credential forms,
// deterministic SIDs, scripted faults against the client's retries and
// timeouts, and the request log.
import { describe, expect, it } from "vitest";
import {
  RateLimitError,
  TwilioConnectionError,
  TwilioTimeoutError,
  createInteractionsClient,
  unwrap,
} from "twilio-interactions";
import { createEmulator } from "twilio-interactions/testing";
import { createOutboundSms } from "../../examples/create-outbound-sms";
import { SEED_ROUTING, SEED_SMS } from "../helpers/seed";
import { TRANSPORTS, useEmulator } from "./support";

const UNKNOWN_KD = `KD${"0".repeat(32)}`;

describe.each(TRANSPORTS)("emulator wire (%s)", (transport) => {
  const ctx = useEmulator(transport);

  it("names the broken rule inside a JSON-in-form field", async () => {
    const result = await ctx.twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: { type: "sms", initiated_by: "agent", participants: [{ address: "+1555" }] },
        Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
      } as never,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toMatchObject({
      code: 20001,
      message: expect.stringMatching(/^Invalid parameter Channel: \/participants\/0/),
    });
    expect((result.error as { message: string }).message).toContain('"proxy_address"');
  });

  it("says which required parameter is missing, as Twilio words it", async () => {
    const result = await ctx.twilio.flex.POST("/v1/Interactions", { body: {} as never });
    expect(result.error).toMatchObject({ status: 400, message: "Missing required parameter Channel in the post body" });
  });

  it("checks query bounds", async () => {
    const result = await ctx.twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels", {
      params: { path: { InteractionSid: UNKNOWN_KD as never } },
    });
    expect(result.response.status).toBe(404);
    const raw = await fetchRaw(ctx, "GET", `/v1/Interactions/${UNKNOWN_KD}/Channels?PageSize=5000`);
    expect(raw.status).toBe(400);
    expect(raw.body.message).toBe("Invalid parameter PageSize: must be at most 1000");
  });

  it("answers unknown paths 404 and unknown methods 405, with Twilio-Request-Id", async () => {
    const missing = await fetchRaw(ctx, "GET", "/v1/Nothing");
    expect(missing.status).toBe(404);
    expect(missing.requestId).toMatch(/^RQ[0-9a-f]{32}$/);
    expect((await fetchRaw(ctx, "DELETE", `/v1/Interactions/${UNKNOWN_KD}`)).status).toBe(405);
  });

  it("accepts the API key form of the credentials", async () => {
    const { apiKey, apiSecret } = ctx.emulator.apiKeyCredentials;
    const twilio = ctx.client({ accountSid: undefined, authToken: undefined, apiKey, apiSecret });
    await createOutboundSms(twilio, SEED_ROUTING, SEED_SMS);
    expect(ctx.emulator.requests().map((r) => r.credential)).toEqual(["apiKey"]);
  });

  it("makes the same SIDs from the same seed", async () => {
    const first = await createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS);
    ctx.emulator.reset();
    const again = await createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS);
    expect(again.sid).toBe(first.sid);
    const other = createEmulator({ seed: 7 });
    const fresh = await createOutboundSms(
      createInteractionsClient({ ...other.credentials, fetch: other.fetch, baseUrls: other.baseUrls }),
      SEED_ROUTING,
      SEED_SMS,
    );
    expect(fresh.sid).not.toBe(first.sid);
  });

  it("scripts a 429 with Retry-After that the client waits for and retries", async () => {
    ctx.emulator.fail({ operation: "CreateInteraction", status: 429, retryAfterSeconds: 0, times: 2 });
    const created = await createOutboundSms(ctx.client({ maxRetries: 2 }), SEED_ROUTING, SEED_SMS);
    expect(created.sid).toMatch(/^KD/);
    expect(ctx.emulator.requests().map((r) => r.status)).toEqual([429, 429, 200]);
    ctx.emulator.fail({ operation: "CreateInteraction", status: 429, retryAfterSeconds: 3 });
    const refused = await ctx.twilio.flex.POST("/v1/Interactions", { body: {} as never });
    expect(refused.response.headers.get("retry-after")).toBe("3");
    await expect(createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS)).resolves.toBeDefined();
  });

  it("scripts a 503 on a GET, retried by the client", async () => {
    ctx.emulator.fail({ operation: "FetchInteraction", status: 503 });
    const result = await ctx.client({ maxRetries: 1 }).flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: UNKNOWN_KD as never } },
    });
    expect(ctx.emulator.requests().map((r) => r.status)).toEqual([503, 404]);
    expect(result.response.status).toBe(404);
  });

  it("scripts a delay that trips the client's timeout", async () => {
    ctx.emulator.fail({ operation: "FetchInteraction", delayMs: 2000 });
    const call = ctx.client({ timeoutMs: 100 }).flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: UNKNOWN_KD as never } },
    });
    await expect(call).rejects.toBeInstanceOf(TwilioTimeoutError);
  });

  it("scripts a dropped connection", async () => {
    ctx.emulator.fail({ operation: "FetchInteraction", drop: true });
    const call = ctx.twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: UNKNOWN_KD as never } } });
    await expect(call).rejects.toBeInstanceOf(TwilioConnectionError);
    expect(ctx.emulator.requests().map((r) => r.status)).toEqual([null]);
  });

  it("surfaces a scripted 429 as RateLimitError once retries run out", async () => {
    ctx.emulator.fail({ operation: "*", status: 429, times: 1 });
    await expect(
      unwrap(ctx.twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: UNKNOWN_KD as never } } })),
    ).rejects.toBeInstanceOf(RateLimitError);
  });

  it("keeps no Authorization in the request log", async () => {
    await createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS);
    const logged = JSON.stringify(ctx.emulator.requests());
    expect(logged).not.toContain(ctx.emulator.credentials.authToken);
    expect(logged).not.toMatch(/authorization/i);
  });
});

describe("emulator option and fault checks", () => {
  it("rejects bad options and faults with a TypeError that says what to pass", () => {
    expect(() => createEmulator({ agentTasks: "maybe" as never })).toThrow(
      /agentTasks must be "assigned" or "reserved"/,
    );
    expect(() => createEmulator({ sede: 1 } as never)).toThrow(/unknown option sede/);
    const emulator = createEmulator();
    expect(() => emulator.fail({ operation: "CreateThing", status: 429 })).toThrow(/unknown operation "CreateThing"/);
    expect(() => emulator.fail({ operation: "CreateInteraction", status: 404 })).toThrow(/429 or from 500 to 599/);
    expect(() => emulator.advance({ weeks: 1 } as never)).toThrow(/unknown unit "weeks"/);
  });
});

interface Raw {
  status: number;
  requestId: string | null;
  body: { message?: string };
}

// A request the typed client would refuse to send, straight at the emulator.
async function fetchRaw(ctx: ReturnType<typeof useEmulator>, method: string, path: string): Promise<Raw> {
  const { accountSid, authToken } = ctx.emulator.credentials;
  const response = await ctx.send(`${ctx.baseUrls.flex}${path}`, {
    method,
    headers: { authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}` },
  });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get("twilio-request-id"),
    body: text ? JSON.parse(text) : {},
  };
}

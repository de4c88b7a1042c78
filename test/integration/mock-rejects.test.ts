// The mock must reject requests that break the spec, or the operations suite
// would prove nothing. These requests bypass the SDK (whose own checks would
// stop some of them) and go to the mock with plain fetch; each has a valid
// twin that the mock accepts, so only the broken part makes the difference.
import { describe, expect, inject, it } from "vitest";
import { TwilioValidationError } from "twilio-interactions";
import { MOCK_CREDENTIALS } from "../../scripts/mock/interactions-mock.mts";
import { CHANNEL_SID, INTERACTION_SID } from "../helpers/fixtures";
import { recordingClient } from "./support/recording-client";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../helpers/seed";

const AUTH = `Basic ${btoa(`${MOCK_CREDENTIALS.accountSid}:${MOCK_CREDENTIALS.authToken}`)}`;
const CHANNEL = JSON.stringify(SEED_CHANNEL);
const ROUTING = JSON.stringify(SEED_ROUTING_PARAMS);
const CHANNEL_PATH = `/v1/Interactions/${INTERACTION_SID}/Channels`;
const CH = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

interface Verdict {
  status: number;
  violations: string[];
}

async function send(path: string, init: { method?: string; form?: Record<string, string>; auth?: boolean } = {}) {
  const headers: Record<string, string> = init.auth === false ? {} : { authorization: AUTH };
  const response = await fetch(`${inject("mockUrls").flex}${path}`, {
    method: init.method ?? (init.form ? "POST" : "GET"),
    headers,
    body: init.form && new URLSearchParams(init.form),
  });
  await response.arrayBuffer();
  const header = response.headers.get("sl-violations");
  const violations = header ? (JSON.parse(header) as { message: string }[]).map((v) => v.message) : [];
  return { status: response.status, violations } satisfies Verdict;
}

describe("the mock rejects requests that break the spec", () => {
  it("a create without Channel", async () => {
    expect(await send("/v1/Interactions", { form: { Channel: CHANNEL, Routing: ROUTING } })).toEqual({
      status: 200,
      violations: [],
    });
    const verdict = await send("/v1/Interactions", { form: { Routing: ROUTING } });
    expect(verdict.status).toBe(400);
    expect(verdict.violations.join()).toMatch(/required property 'Channel'/);
  });

  it("an agent-initiated create without Routing.properties.queue_sid", async () => {
    const { queue_sid: _, ...withoutQueue } = SEED_ROUTING_PARAMS.properties;
    const verdict = await send("/v1/Interactions", {
      form: { Channel: CHANNEL, Routing: JSON.stringify({ properties: withoutQueue }) },
    });
    expect(verdict.status).toBe(400);
    expect(verdict.violations.join()).toMatch(/Routing must match pattern .*"queue_sid"/);
  });

  it("a customer-initiated create is not held to the agent's rules", async () => {
    const channel = JSON.stringify({ type: "chat", initiated_by: "customer", properties: { media_channel_sid: CH } });
    const routing = JSON.stringify({ properties: { workspace_sid: SEED_ROUTING_PARAMS.properties.workspace_sid } });
    expect(await send("/v1/Interactions", { form: { Channel: channel, Routing: routing } })).toEqual({
      status: 200,
      violations: [],
    });
  });

  it("a channel update with an unknown Status", async () => {
    const path = `${CHANNEL_PATH}/${CHANNEL_SID}`;
    expect(await send(path, { form: { Status: "closed" } })).toEqual({ status: 200, violations: [] });
    const verdict = await send(path, { form: { Status: "open" } });
    expect(verdict.status).toBe(400);
    expect(verdict.violations.join()).toMatch(
      /Status must be equal to one of the allowed values: closed,.*allowed values: inactive/,
    );
  });

  it("a channel update that leaves (inactive) without Routing {status: closed}", async () => {
    const path = `${CHANNEL_PATH}/${CHANNEL_SID}`;
    const routing = JSON.stringify({ status: "closed" });
    expect(await send(path, { form: { Status: "inactive", Routing: routing } })).toEqual({
      status: 200,
      violations: [],
    });
    const verdict = await send(path, { form: { Status: "inactive" } });
    expect(verdict.status).toBe(400);
    expect(verdict.violations.join()).toMatch(/must match exactly one schema in oneOf/);
  });

  it("a list with a PageSize of 1001", async () => {
    expect(await send(`${CHANNEL_PATH}?PageSize=1000`)).toEqual({ status: 200, violations: [] });
    const verdict = await send(`${CHANNEL_PATH}?PageSize=1001`);
    expect(verdict.status).toBe(400);
    expect(verdict.violations.join()).toMatch(/pagesize must be <= 1000/i);
  });

  it("a SID path parameter of the wrong type", async () => {
    const verdict = await send(`/v1/Interactions/${CHANNEL_SID}`);
    expect(verdict.status).toBe(400);
    expect(verdict.violations.join()).toMatch(/pattern/);
  });

  it("a request without credentials", async () => {
    expect((await send(CHANNEL_PATH, { auth: false })).status).toBe(401);
  });
});

describe("the client refuses a PageSize of 1001 itself", () => {
  it("throws TwilioValidationError and sends nothing", async () => {
    const { twilio, sent } = recordingClient();
    const call = twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels", {
      params: { path: { InteractionSid: INTERACTION_SID }, query: { PageSize: 1001 } },
    });
    await expect(call).rejects.toThrow(TwilioValidationError);
    await expect(call).rejects.toThrow(/PageSize/);
    expect(() =>
      twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: { InteractionSid: INTERACTION_SID }, query: { PageSize: 1001 } },
      }),
    ).toThrow(TwilioValidationError);
    expect(sent).toEqual([]);
  });
});

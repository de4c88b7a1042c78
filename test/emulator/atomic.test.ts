// Each request is all-or-nothing (issue 19): a request refused by the spec or
// by a rule only its handler checks, or failing inside the emulator, leaves
// nothing behind. The whole state the emulator shows (every resource, task,
// webhook, delivery and event) is compared before and after each refused
// request; a twin emulator that never saw them then makes the same SIDs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Sid, unwrap } from "twilio-interactions";
import { type EmulatedTask, type EmulatorEvent, createEmulator } from "twilio-interactions/testing";
import { createOutboundSms } from "../../examples/create-outbound-sms";
import { inviteToQueue } from "../../examples/invite-to-queue";
import { SEED_ROUTING, SEED_ROUTING_PARAMS, SEED_SMS } from "../helpers/seed";
import { consoleLines, failNextInteractionAnswer } from "./inject";
import { TRANSPORTS, type EmulatorContext, useEmulator } from "./support";

afterEach(() => vi.restoreAllMocks());

const ROUTING = JSON.stringify(SEED_ROUTING_PARAMS);
const SMS = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "sms",
    initiated_by: "agent",
    participants: [{ address: SEED_SMS.customerNumber, proxy_address: SEED_SMS.twilioNumber }],
    ...extra,
  });
const options = { channelSetupMs: 60_000, webhookFetch: () => new Response(null, { status: 204 }) };

interface Known {
  interactions: { sid: string; channelSid: string }[];
  transfers: { interactionSid: string; channelSid: string; sid: string }[];
  session: { serviceSid: string; sessionSid: string };
  instanceSid: string;
}

/**
 * The scenario every refused request meets: an active outbound SMS with its
 * agent, an invite and a transfer; a channel whose setup has not finished
 * (and will fail); a closed channel; a global webhook on every event; a Proxy session.
 */
async function scenario(ctx: Pick<EmulatorContext, "emulator" | "twilio">): Promise<Known> {
  const { emulator, twilio } = ctx;
  const instanceSid = emulator.flexInstanceSid as Sid<"GO">;
  await unwrap(
    twilio.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks", {
      params: { path: { InstanceSid: instanceSid } },
      body: {
        WebhookUrl: "https://receiver.example/events",
        WebhookMethod: "POST",
        WebhookEvents: [
          "onChannelStatusUpdated",
          "onParticipantJoined",
          "onChannelCreateFailed",
          "onInteractionCreated",
        ],
      },
    }),
  );
  const active = await createOutboundSms(twilio, SEED_ROUTING, SEED_SMS);
  const closed = await createOutboundSms(twilio, SEED_ROUTING, SEED_SMS);
  emulator.advance({ seconds: 61 });
  const path = { InteractionSid: active.sid, ChannelSid: active.channel.sid };
  await inviteToQueue(twilio, active.sid, active.channel.sid, SEED_ROUTING, { subject: "second opinion" });
  const { participants } = await unwrap(
    twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", { params: { path } }),
  );
  const transfer = await unwrap(
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers", {
      params: { path },
      body: { type: "warm", from: participants[0]!.sid } as never,
    }),
  );
  await unwrap(
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
      params: { path: { InteractionSid: closed.sid, Sid: closed.channel.sid } },
      body: { Status: "closed" },
    }),
  );
  // An email channel started by the API without properties.from: its setup will fail, but it has not finished yet.
  const pending = await unwrap(
    twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: { type: "email", initiated_by: "api", participants: [{ address: "ada@example.com", level: "to" }] },
        Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
      },
    }),
  );
  const session = emulator.proxySession({ interactions: 4 });
  return {
    interactions: [active, closed, pending].map((i) => ({ sid: i.sid, channelSid: i.channel.sid })),
    transfers: [{ ...path, interactionSid: active.sid, channelSid: active.channel.sid, sid: transfer.sid as string }],
    session,
    instanceSid,
  };
}

// Ages count real seconds: they are not state.
function withoutAges(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, item) => (key === "age" || key === "age_in_queue" ? undefined : item));
}

/** Everything the emulator shows of its state, read through its API and its own methods. */
async function stateOf(ctx: EmulatorContext, known: Known): Promise<unknown> {
  const flex = ctx.twilio.flex;
  const interactions = [];
  for (const { sid, channelSid } of known.interactions) {
    const path = { InteractionSid: sid as Sid<"KD">, ChannelSid: channelSid as Sid<"UO"> };
    interactions.push({
      interaction: await unwrap(flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: path.InteractionSid } } })),
      channels: await unwrap(flex.GET("/v1/Interactions/{InteractionSid}/Channels", { params: { path } })),
      participants: await unwrap(
        flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", { params: { path } }),
      ),
      invites: await unwrap(
        flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites", { params: { path } }),
      ),
    });
  }
  const transfers = [];
  for (const t of known.transfers) {
    const path = { InteractionSid: t.interactionSid, ChannelSid: t.channelSid, Sid: t.sid } as never;
    transfers.push(
      await unwrap(
        flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers/{Sid}", { params: { path } }),
      ),
    );
  }
  const InstanceSid = known.instanceSid as Sid<"GO">;
  const webhooks = await unwrap(
    flex.GET("/v1/Instances/{InstanceSid}/InteractionWebhooks", { params: { path: { InstanceSid } } }),
  );
  const ServiceSid = known.session.serviceSid as Sid<"KS">;
  const SessionSid = known.session.sessionSid as Sid<"KC">;
  const proxy = await unwrap(
    ctx.twilio.proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
      params: { path: { ServiceSid, SessionSid }, query: { PageSize: 1000 } },
    }),
  );
  await ctx.emulator.flushWebhooks();
  return withoutAges({
    tasks: ctx.emulator.tasks(),
    interactions,
    transfers,
    webhooks,
    proxy,
    deliveries: ctx.emulator.webhookDeliveries(),
  });
}

interface Refused {
  name: string;
  send(ctx: EmulatorContext, known: Known): Promise<Response>;
  status: number;
  message?: RegExp;
}

// A request the typed client would refuse to send, straight at the emulator.
function send(ctx: EmulatorContext, method: string, path: string, type: string, body?: string): Promise<Response> {
  const { accountSid, authToken } = ctx.emulator.credentials;
  return ctx.send(`${path.startsWith("/v1/Services") ? ctx.baseUrls.proxy : ctx.baseUrls.flex}${path}`, {
    method,
    headers: { authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`, "content-type": type },
    body,
  });
}

function form(ctx: EmulatorContext, method: string, path: string, fields: Record<string, string>): Promise<Response> {
  const body = method === "GET" || method === "DELETE" ? undefined : new URLSearchParams(fields).toString();
  return send(ctx, method, path, "application/x-www-form-urlencoded", body);
}

const channelPath = (k: Known, i: number) =>
  `/v1/Interactions/${k.interactions[i]!.sid}/Channels/${k.interactions[i]!.channelSid}`;
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

const REFUSED: Refused[] = [
  {
    name: "a create whose Routing attributes nest 10,000 deep",
    send: (ctx) =>
      form(ctx, "POST", "/v1/Interactions", {
        Channel: SMS(),
        Routing: `{"properties":{"workspace_sid":"${SEED_ROUTING.workspaceSid}","attributes":{"x":${deep(10_000)}}}}`,
      }),
    status: 400,
    message: /^Invalid parameter Routing: must not nest objects and arrays more than 64 deep$/,
  },
  {
    name: "a create whose Channel lists 200,000 participants",
    send: (ctx) =>
      form(ctx, "POST", "/v1/Interactions", {
        Channel: SMS({ participants: Array(200_000).fill(0) }),
        Routing: ROUTING,
      }),
    status: 400,
    message: /^Invalid parameter Channel: /,
  },
  {
    name: "a create that fails inside the emulator after making the interaction",
    send: (ctx) => {
      consoleLines();
      failNextInteractionAnswer();
      return form(ctx, "POST", "/v1/Interactions", { Channel: SMS(), Routing: ROUTING });
    },
    status: 500,
  },
  {
    name: "a participant on a channel whose setup fails when it finishes",
    send: (ctx, k) =>
      form(ctx, "POST", `${channelPath(k, 2)}/Participants`, { Type: "customer", MediaProperties: "{}" }),
    status: 400,
    message: /failed to set up/,
  },
  {
    name: "a new task (Channel.sid) on a channel whose setup fails when it finishes",
    send: (ctx, k) =>
      form(ctx, "POST", "/v1/Interactions", {
        Channel: JSON.stringify({ type: "sms", initiated_by: "api", sid: k.interactions[2]!.channelSid }),
        Routing: ROUTING,
      }),
    status: 400,
    message: /failed to set up/,
  },
  {
    name: "an agent joining with a task of another channel",
    send: (ctx, k) =>
      form(ctx, "POST", `${channelPath(k, 0)}/Participants`, {
        Type: "agent",
        MediaProperties: JSON.stringify({ identity: "late" }),
        RoutingProperties: JSON.stringify({
          task_sid: ctx.emulator.tasks({ channelSid: k.interactions[1]!.channelSid })[0]!.sid,
        }),
      }),
    status: 400,
    message: /is not a task of channel/,
  },
  {
    name: "a transfer of a type the spec does not have",
    send: (ctx, k) => send(ctx, "POST", `${channelPath(k, 0)}/Transfers`, "application/json", '{"type":"sideways"}'),
    status: 400,
  },
  {
    name: "a transfer whose JSON body nests 10,000 deep",
    send: (ctx, k) =>
      send(ctx, "POST", `${channelPath(k, 0)}/Transfers`, "application/json", `{"type":"warm","note":${deep(10_000)}}`),
    status: 400,
    message: /^Invalid request body: must not nest/,
  },
  {
    name: "a second close of a closed channel",
    send: (ctx, k) => form(ctx, "POST", channelPath(k, 1), { Status: "closed" }),
    status: 400,
    message: /already closed/,
  },
  {
    name: "inactive without Routing",
    send: (ctx, k) => form(ctx, "POST", channelPath(k, 0), { Status: "inactive" }),
    status: 400,
  },
  {
    name: "a webhook to a file: URL",
    send: (ctx, k) =>
      form(ctx, "POST", `/v1/Instances/${k.instanceSid}/InteractionWebhooks`, {
        WebhookUrl: "file:///etc/passwd",
        WebhookMethod: "POST",
        WebhookEvents: "onChannelStatusUpdated",
      }),
    status: 400,
  },
  {
    name: "a body over maxBodyBytes",
    send: (ctx) => form(ctx, "POST", "/v1/Interactions", { Channel: "x".repeat(1024 * 1024) }),
    status: 413,
  },
  {
    name: "a request with a wrong token",
    send: (ctx) =>
      ctx.send(`${ctx.baseUrls.flex}/v1/Interactions`, {
        method: "POST",
        headers: { authorization: `Basic ${btoa(`${ctx.emulator.credentials.accountSid}:${"0".repeat(32)}`)}` },
      }),
    status: 401,
  },
  {
    name: "a delete of a Proxy interaction that does not exist",
    send: (ctx, k) =>
      form(
        ctx,
        "DELETE",
        `/v1/Services/${k.session.serviceSid}/Sessions/${k.session.sessionSid}/Interactions/KI${"0".repeat(32)}`,
        {},
      ),
    status: 404,
  },
];

describe.each(TRANSPORTS)("a refused request changes nothing (%s)", (transport) => {
  const ctx = useEmulator(transport, options);

  it("leaves the whole state as it was, after each refused request, and draws no SID", async () => {
    const known = await scenario(ctx);
    const events: EmulatorEvent[] = [];
    const stop = ctx.emulator.subscribe((event) => events.push(event));
    for (const refused of REFUSED) {
      const before = await stateOf(ctx, known);
      const logged = ctx.emulator.requests().length;
      const response = await refused.send(ctx, known);
      const body = (await response.json()) as { status: number; message: string };
      expect(response.status, refused.name).toBe(refused.status);
      if (refused.message) expect(body.message, refused.name).toMatch(refused.message);
      vi.restoreAllMocks();
      expect(events, refused.name).toEqual([]);
      expect(
        ctx.emulator
          .requests()
          .slice(logged)
          .map((r) => r.status),
        refused.name,
      ).toEqual([refused.status]);
      expect(await stateOf(ctx, known), refused.name).toEqual(before);
    }
    stop();

    // A twin that never saw the refused requests goes on exactly as this one does.
    const twin = createEmulator(options);
    const twinClient = {
      emulator: twin,
      twilio: ctx.client({ fetch: twin.fetch, baseUrls: twin.baseUrls, ...twin.credentials }),
    };
    await scenario(twinClient);
    const origins = new RegExp(
      [ctx.baseUrls.flex, ctx.baseUrls.proxy, twin.baseUrls.flex, twin.baseUrls.proxy]
        .map((u) => u.replace(/[.:/]/g, "\\$&"))
        .join("|"),
      "g",
    );
    // The twin ran at other moments, which may fall in another second: all but the task's dates.
    const undatedJson = (value: unknown) =>
      JSON.stringify(value, (key, item) => (key === "date_created" || key === "date_updated" ? undefined : item));
    const next = async (c: typeof twinClient) =>
      undatedJson(withoutAges(await createOutboundSms(c.twilio, SEED_ROUTING, SEED_SMS))).replace(origins, "ORIGIN");
    expect(await next(ctx)).toBe(await next(twinClient));
    // The twin ran at other moments: all but the dates.
    const undated = (tasks: EmulatedTask[]) => tasks.map(({ dateCreated: _c, dateUpdated: _u, ...task }) => task);
    expect(undated(ctx.emulator.tasks())).toEqual(undated(twin.tasks()));
  });

  it("names nothing it did not keep: a refused webhook create on another instance draws no SID", async () => {
    const result = await ctx.twilio.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks", {
      params: { path: { InstanceSid: `GO${"0".repeat(32)}` as Sid<"GO"> } },
      body: { WebhookUrl: "https://receiver.example/", WebhookMethod: "POST", WebhookEvents: ["onChannelCreated"] },
    });
    expect(result.response.status).toBe(404);
    // The emulator's own instance is named when first used; the refused request did not use it up.
    const twin = createEmulator(options);
    const twinClient = ctx.client({ fetch: twin.fetch, baseUrls: twin.baseUrls, ...twin.credentials });
    const [mine, theirs] = [
      await createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS),
      await createOutboundSms(twinClient, SEED_ROUTING, SEED_SMS),
    ];
    expect(mine.sid).toBe(theirs.sid);
    expect(ctx.emulator.flexInstanceSid).toBe(twin.flexInstanceSid);
  });
});

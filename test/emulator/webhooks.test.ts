// The emulator's interaction webhooks: registered global and per-interaction
// webhooks receive the events its state changes cause, signed as Twilio
// signs them, over loopback HTTP or in-process; the SDK's receiver accepts
// them and refuses them once changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FlexApi,
  type InteractionEvent,
  type InteractionsClient,
  asSid,
  createInteractionsClient,
  receiveInteractionEvent,
  receiveNodeInteractionEvent,
} from "twilio-interactions";
import { type Emulator, createEmulator } from "twilio-interactions/testing";
import { type TestServer, startServer } from "../helpers/server";
import { loadSpec } from "../helpers/spec";

const ROUTING = {
  properties: {
    workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
} as const;
const SMS = {
  type: "sms",
  initiated_by: "agent",
  participants: [{ address: "+15551230000", proxy_address: "+15559870000" }],
} as const;
// Every event the spec lists.
const ALL = Object.keys(loadSpec("flex").webhooks) as FlexApi.InteractionWebhookEventType[];

function setup(webhookFetch?: (request: Request) => Response | Promise<Response>) {
  const emulator = createEmulator({ seed: 3, ...(webhookFetch && { webhookFetch }) });
  const twilio = createInteractionsClient(emulator.clientOptions);
  const hooks = twilio.flex.instances(emulator.flexInstanceSid).interactionWebhooks;
  return { emulator, twilio, hooks };
}

/** One conversation through its life: created, set up, the agent wraps up and leaves, the channel closes. */
async function story(twilio: InteractionsClient, WebhookTtid?: `flex_interactionwebhook_${string}`) {
  const interaction = await twilio.flex.interactions.create({ Channel: SMS, Routing: ROUTING, WebhookTtid });
  const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
  const agent = (await channel.participants.list().toArray()).find((p) => p.type === "agent")!;
  await channel.participants(agent.sid).update({ Status: "wrapup" });
  await channel.participants(agent.sid).update({ Status: "closed" });
  await channel.update({ Status: "closed" });
  return { interaction, agentSid: agent.sid };
}

describe("the emulator's interaction webhooks over loopback HTTP", () => {
  let server: TestServer;
  const received: InteractionEvent[] = [];
  let emulator: Emulator;
  beforeAll(async () => {
    server = await startServer(async (request, response, raw) => {
      try {
        received.push(
          await receiveNodeInteractionEvent(raw, request.body, { authToken: emulator.credentials.authToken }),
        );
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(403).end(error instanceof Error ? error.name : "error");
      }
    });
  });
  afterAll(() => server.close());

  it("delivers every event of a conversation, signed, in order, to a global webhook", async () => {
    received.length = 0;
    const ctx = setup();
    emulator = ctx.emulator;
    await ctx.hooks.create({
      WebhookUrl: `${server.url}/flex-events?tenant=a`,
      WebhookMethod: "POST",
      WebhookEvents: [...ALL],
    });
    const { interaction, agentSid } = await story(ctx.twilio);
    await emulator.flushWebhooks();

    expect(emulator.webhookDeliveries().every((d) => d.status === 204)).toBe(true);
    expect(received.map((e) => e.EventType)).toEqual([
      "onInteractionCreated",
      "onChannelCreated",
      "onChannelStatusUpdated",
      "onParticipantJoined",
      "onParticipantJoined",
      "onParticipantUpdated",
      "onParticipantLeft",
      "onChannelStatusUpdated",
    ]);
    const [created, , active, customer, agent, , left, closed] = received;
    expect(created).toMatchObject({
      AccountSid: emulator.credentials.accountSid,
      InstanceSid: emulator.flexInstanceSid,
      InteractionSid: interaction.sid,
      MediaChannelType: "sms",
    });
    // The webhook URL's own query is signed, but it is not part of a POSTed event.
    expect(created).not.toHaveProperty("tenant");
    expect(active).toMatchObject({ ChannelSid: interaction.channel.sid, ChannelStatus: "active" });
    expect([customer, agent].map((e) => e!.EventType === "onParticipantJoined" && e!.ParticipantType)).toEqual([
      "customer",
      "agent",
    ]);
    expect(agent).toMatchObject({ TaskSid: interaction.routing!.properties.sid });
    expect(left).toMatchObject({ ParticipantSid: agentSid, ParticipantType: "agent" });
    expect(closed).toMatchObject({ ChannelStatus: "closed" });
    received.length = 0;
  });

  it("sends GET webhooks with the parameters in the query string, also signed", async () => {
    received.length = 0;
    const ctx = setup();
    emulator = ctx.emulator;
    await ctx.hooks.create({
      WebhookUrl: `${server.url}/get-events`,
      WebhookMethod: "GET",
      WebhookEvents: ["onChannelCreated"],
    });
    await story(ctx.twilio);
    await emulator.flushWebhooks();
    const [delivery] = emulator.webhookDeliveries();
    expect(delivery).toMatchObject({ method: "GET", status: 204, eventType: "onChannelCreated" });
    expect(new URL(delivery!.url).searchParams.get("EventType")).toBe("onChannelCreated");
    expect(received.map((e) => e.EventType)).toEqual(["onChannelCreated"]);
    received.length = 0;
  });
});

describe("the emulator's interaction webhooks in-process", () => {
  it("send a per-interaction webhook only the events of the interactions that carry its ttid", async () => {
    const requests: Request[] = [];
    const { emulator, twilio, hooks } = setup(
      (request) => (requests.push(request), new Response(null, { status: 200 })),
    );
    const hook = await hooks.create({
      Type: "interaction",
      WebhookUrl: "https://app.example.org/hook",
      WebhookMethod: "POST",
      WebhookEvents: ["onParticipantLeft"],
    });
    const attached = await story(twilio, hook.ttid);
    await story(twilio);
    await emulator.flushWebhooks();
    expect(emulator.webhookDeliveries().map((d) => [d.ttid, d.params.InteractionSid])).toEqual([
      [hook.ttid, attached.interaction.sid],
    ]);
    expect(requests).toHaveLength(1);
  });

  it("signs as Twilio does: the receiver accepts the request, and refuses it changed or with another token", async () => {
    const requests: Request[] = [];
    const { emulator, twilio, hooks } = setup((request) => (requests.push(request.clone()), new Response(null)));
    await hooks.create({
      WebhookUrl: "https://app.example.org/hook",
      WebhookMethod: "POST",
      WebhookEvents: ["onParticipantLeft"],
    });
    await story(twilio);
    await emulator.flushWebhooks();
    const original = requests[0]!;
    const body = await original.clone().text();
    const authToken = emulator.credentials.authToken;
    await expect(receiveInteractionEvent(original.clone(), { authToken })).resolves.toMatchObject({
      EventType: "onParticipantLeft",
    });
    const changed = new Request(original.url, {
      method: "POST",
      headers: original.headers,
      body: body.replace(/ParticipantType=agent/, "ParticipantType=customer"),
    });
    await expect(receiveInteractionEvent(changed, { authToken })).rejects.toMatchObject({ reason: "mismatch" });
    await expect(receiveInteractionEvent(original.clone(), { authToken: "another-token" })).rejects.toMatchObject({
      name: "WebhookSignatureError",
    });
  });

  it("reports a failed channel setup as onChannelCreateFailed with its error", async () => {
    const { emulator, twilio, hooks } = setup(async (request) => {
      const event = await receiveInteractionEvent(request, { authToken: emulator.credentials.authToken });
      return Response.json(event);
    });
    await hooks.create({
      WebhookUrl: "https://app.example.org/hook",
      WebhookMethod: "POST",
      WebhookEvents: ["onChannelCreateFailed"],
    });
    // An email channel started by the API without properties.from: Twilio accepts it, then the setup fails.
    const interaction = await twilio.flex.interactions.create({
      Channel: { type: "email", initiated_by: "api", participants: [{ address: "ada@example.com", level: "to" }] },
      Routing: ROUTING,
    });
    await twilio.flex.interactions(interaction.sid).fetch();
    await emulator.flushWebhooks();
    const [delivery] = emulator.webhookDeliveries();
    expect(delivery).toMatchObject({ eventType: "onChannelCreateFailed", status: 200 });
    expect(delivery!.params).toMatchObject({ InteractionSid: interaction.sid, ErrorCode: "19025" });
    expect(delivery!.params).not.toHaveProperty("InstanceSid");
  });

  it("records a receiver that fails without disturbing the emulator", async () => {
    const { emulator, twilio, hooks } = setup(() => {
      throw new Error("receiver down");
    });
    await hooks.create({
      WebhookUrl: "https://app.example.org/hook",
      WebhookMethod: "POST",
      WebhookEvents: ["onInteractionCreated"],
    });
    await story(twilio);
    await emulator.flushWebhooks();
    expect(emulator.webhookDeliveries()).toMatchObject([{ status: null, error: "receiver down" }]);
  });

  it("only knows its own Flex instance, and forgets webhooks on reset", async () => {
    const { emulator, twilio, hooks } = setup();
    const other = twilio.flex.instances(asSid("GO", `GO${"0".repeat(32)}`)).interactionWebhooks;
    await expect(other.list().toArray()).rejects.toMatchObject({ status: 404 });
    await hooks.create({
      WebhookUrl: "https://app.example.org/hook",
      WebhookMethod: "POST",
      WebhookEvents: ["onInteractionCreated"],
    });
    expect(await hooks.list().toArray()).toHaveLength(1);
    emulator.reset();
    const again = twilio.flex.instances(emulator.flexInstanceSid).interactionWebhooks;
    expect(await again.list().toArray()).toEqual([]);
  });
});

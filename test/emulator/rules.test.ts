// The contact-centre rules the emulator models (docs/emulator.md), one
// behaviour a test, in-process; the options for where Twilio is silent too.
import { describe, expect, it } from "vitest";
import { type InteractionsClient, type Sid, unwrap } from "twilio-interactions";
import { createOutboundSms } from "../../examples/create-outbound-sms";
import { inviteToQueue } from "../../examples/invite-to-queue";
import { SEED_ROUTING, SEED_SMS } from "../helpers/seed";
import { useEmulator } from "./support";

const PARTICIPANTS = "/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants" as const;
const CHANNEL = "/v1/Interactions/{InteractionSid}/Channels/{Sid}" as const;

async function outbound(twilio: InteractionsClient) {
  const interaction = await createOutboundSms(twilio, SEED_ROUTING, SEED_SMS);
  const path = { InteractionSid: interaction.sid, ChannelSid: interaction.channel.sid };
  return { interaction, path, channel: { InteractionSid: interaction.sid, Sid: interaction.channel.sid } };
}

async function agentOf(twilio: InteractionsClient, path: { InteractionSid: Sid<"KD">; ChannelSid: Sid<"UO"> }) {
  // The agent joins once the channel is set up.
  const { participants } = await unwrap(twilio.flex.GET(PARTICIPANTS, { params: { path } }));
  return participants.find((p) => p.type === "agent")!;
}

describe("emulator rules", () => {
  const ctx = useEmulator("in-process", { channelSetupMs: 1000 });

  it("a channel is setup until its setup time passes, then active; the agent's task goes pending → assigned", async () => {
    const { interaction, channel } = await outbound(ctx.twilio);
    expect(interaction.routing?.properties.assignment_status).toBe("pending");
    expect(interaction.routing?.reservation).toBeNull();
    expect((await unwrap(ctx.twilio.flex.GET(CHANNEL, { params: { path: channel } }))).status).toBe("setup");
    ctx.emulator.advance({ seconds: 1 });
    expect((await unwrap(ctx.twilio.flex.GET(CHANNEL, { params: { path: channel } }))).status).toBe("active");
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["assigned"]);
  });

  it("task attributes carry the keys Twilio adds, direction from initiated_by", async () => {
    const { interaction } = await outbound(ctx.twilio);
    const attributes = JSON.parse(interaction.routing!.properties.attributes!);
    expect(attributes).toMatchObject({
      customerName: SEED_SMS.customerName,
      flexInteractionSid: interaction.sid,
      flexInteractionChannelSid: interaction.channel.sid,
      conversationSid: expect.stringMatching(/^CH/),
      channelType: "sms",
      initiatedBy: "agent",
      direction: "outbound",
      customers: { name: SEED_SMS.customerName, phone: SEED_SMS.customerNumber },
    });
  });

  it("a create Twilio rejects after accepting leaves the channel failed with error_code, and cancels its task", async () => {
    // An email channel started by the API without properties.from: a rule the types do not carry.
    const created = await ctx.twilio.flex.interactions.create({
      Channel: { type: "email", initiated_by: "api", participants: [{ address: "ada@example.com", level: "to" }] },
      Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
    });
    ctx.emulator.advance({ seconds: 1 });
    const channel = await unwrap(
      ctx.twilio.flex.GET(CHANNEL, { params: { path: { InteractionSid: created.sid, Sid: created.channel.sid } } }),
    );
    expect(channel).toMatchObject({
      status: "failed",
      error_code: 19025,
      error_message: expect.stringMatching(/properties\.from/),
    });
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["canceled"]);
  });

  // The rules the spec's types carry are refused at create: nothing is created, and the 400 names the rule.
  const REFUSED_AT_CREATE: { name: string; Channel: object; Routing: object; rule: RegExp }[] = [
    {
      name: "an agent-initiated contact without queue_sid",
      Channel: {
        type: "sms",
        initiated_by: "agent",
        participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
      },
      Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid, worker_sid: SEED_ROUTING.workerSid } },
      rule: /^Invalid parameter Routing: \/properties must have the property "queue_sid"$/,
    },
    {
      name: "an agent-initiated contact without worker_sid and queue_sid",
      Channel: {
        type: "sms",
        initiated_by: "agent",
        participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
      },
      Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
      rule: /^Invalid parameter Routing: \/properties must have the property "queue_sid"; \/properties must have the property "worker_sid"$/,
    },
    {
      name: "an agent-initiated contact without participants",
      Channel: { type: "sms", initiated_by: "agent" },
      Routing: {
        properties: {
          workspace_sid: SEED_ROUTING.workspaceSid,
          queue_sid: SEED_ROUTING.queueSid,
          worker_sid: SEED_ROUTING.workerSid,
        },
      },
      rule: /^Invalid parameter Channel: must have the property "participants"$/,
    },
    {
      name: "a customer-initiated contact without properties.media_channel_sid",
      Channel: { type: "sms", initiated_by: "customer", properties: {} },
      Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
      rule: /^Invalid parameter Channel: \/properties must have the property "media_channel_sid"$/,
    },
    {
      name: "an SMS participant given by identity",
      Channel: { type: "sms", initiated_by: "api", participants: [{ identity: "customer-1" }] },
      Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
      rule: /^Invalid parameter Channel: \/participants\/0 must have the property "address"; \/participants\/0 must have the property "proxy_address"; \/participants\/0\/identity is not an allowed property$/,
    },
  ];

  it.each(REFUSED_AT_CREATE)(
    "refuses $name at create with a 400 naming the rule",
    async ({ Channel, Routing, rule }) => {
      const { error, response } = await ctx.twilio.flex.POST("/v1/Interactions", {
        // Cast: the types refuse these bodies; the emulator must too, for plain JavaScript callers.
        body: { Channel, Routing } as never,
      });
      expect(response.status).toBe(400);
      expect(error?.message).toMatch(rule);
      expect(ctx.emulator.tasks()).toEqual([]);
    },
  );

  it("participant closed completes only that agent's task; the channel stays open", async () => {
    const { path, channel } = await outbound(ctx.twilio);
    ctx.emulator.advance({ seconds: 1 });
    const agent = await agentOf(ctx.twilio, path);
    await unwrap(
      ctx.twilio.flex.POST(`${PARTICIPANTS}/{Sid}`, {
        params: { path: { ...path, Sid: agent.sid } },
        body: { Status: "closed" },
      }),
    );
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
    expect((await unwrap(ctx.twilio.flex.GET(CHANNEL, { params: { path: channel } }))).status).toBe("active");
  });

  it("participant wrapup puts the task into wrapping; only agents can be updated", async () => {
    const { path } = await outbound(ctx.twilio);
    ctx.emulator.advance({ seconds: 1 });
    const agent = await agentOf(ctx.twilio, path);
    await unwrap(
      ctx.twilio.flex.POST(`${PARTICIPANTS}/{Sid}`, {
        params: { path: { ...path, Sid: agent.sid } },
        body: { Status: "wrapup" },
      }),
    );
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["wrapping"]);
    const { participants } = await unwrap(ctx.twilio.flex.GET(PARTICIPANTS, { params: { path } }));
    const customer = participants.find((p) => p.type === "customer")!;
    const refused = await ctx.twilio.flex.POST(`${PARTICIPANTS}/{Sid}`, {
      params: { path: { ...path, Sid: customer.sid } },
      body: { Status: "closed" },
    });
    expect(refused.error).toMatchObject({ status: 400, message: expect.stringMatching(/only agent/) });
  });

  it("an invite makes a new pending task whose attributes are not copied from the first", async () => {
    const { path } = await outbound(ctx.twilio);
    ctx.emulator.advance({ seconds: 1 });
    const invite = await inviteToQueue(ctx.twilio, path.InteractionSid, path.ChannelSid, SEED_ROUTING, {
      subject: "transfer",
    });
    const [first, second] = ctx.emulator.tasks();
    expect(second).toMatchObject({ sid: invite.routing!.properties.sid, status: "pending", inviteSid: invite.sid });
    expect(second!.attributes).toMatchObject({ subject: "transfer", flexChannelInviteSid: invite.sid });
    expect(second!.attributes.customerName).toBeUndefined();
    expect(first!.attributes.customerName).toBe(SEED_SMS.customerName);
  });

  it("a closed channel is read-only: closing again is Twilio's 80906, adding a participant is refused", async () => {
    const { path, channel } = await outbound(ctx.twilio);
    await unwrap(ctx.twilio.flex.POST(CHANNEL, { params: { path: channel }, body: { Status: "closed" } }));
    const again = await ctx.twilio.flex.POST(CHANNEL, { params: { path: channel }, body: { Status: "closed" } });
    expect(again.error).toMatchObject({ status: 400, code: 80906 });
    const added = await ctx.twilio.flex.POST(PARTICIPANTS, {
      params: { path },
      body: { Type: "agent", MediaProperties: { identity: "late" } },
    });
    expect(added.error).toMatchObject({ status: 400, message: expect.stringMatching(/read-only/) });
  });

  it("pending tasks are canceled when the channel closes", async () => {
    const created = await unwrap(
      ctx.twilio.flex.POST("/v1/Interactions", {
        body: {
          Channel: { type: "chat", initiated_by: "api", participants: [{ identity: "customer-1" }] },
          Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid } },
        },
      }),
    );
    await unwrap(
      ctx.twilio.flex.POST(CHANNEL, {
        params: { path: { InteractionSid: created.sid, Sid: created.channel.sid } },
        body: { Status: "closed", Routing: { status: "closed" } },
      }),
    );
    expect(ctx.emulator.tasks().map((t) => [t.status, t.reason])).toEqual([["canceled", "channel closed"]]);
  });

  it("an update resets the 180-day clock", async () => {
    const { interaction } = await outbound(ctx.twilio);
    const path = { InteractionSid: interaction.sid, Sid: interaction.channel.sid };
    ctx.emulator.advance({ days: 179 });
    await unwrap(ctx.twilio.flex.POST(CHANNEL, { params: { path }, body: { Status: "closed" } }));
    ctx.emulator.advance({ days: 179 });
    expect((await unwrap(ctx.twilio.flex.GET(CHANNEL, { params: { path } }))).status).toBe("closed");
    ctx.emulator.advance({ days: 2 });
    expect((await ctx.twilio.flex.GET(CHANNEL, { params: { path } })).response.status).toBe(404);
  });

  it("deleting a Proxy interaction answers 204 and it is gone; a page token outlives it", async () => {
    const { serviceSid, sessionSid, interactionSids } = ctx.emulator.proxySession({ interactions: 5 });
    const path = { ServiceSid: serviceSid, SessionSid: sessionSid };
    const list = "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions" as const;
    const first = await unwrap(ctx.twilio.proxy.GET(list, { params: { path, query: { PageSize: 2 } } }));
    const last = { ...path, Sid: first.interactions[1]!.sid };
    expect((await ctx.twilio.proxy.DELETE(`${list}/{Sid}`, { params: { path: last } })).response.status).toBe(204);
    const next = new URL(first.meta.next_page_url!);
    const page = await unwrap(
      ctx.twilio.proxy.GET(list, {
        params: { path, query: { PageSize: 2, Page: 1, PageToken: next.searchParams.get("PageToken")! } },
      }),
    );
    expect(page.interactions.map((i) => i.sid)).toEqual(interactionSids.slice(2, 4));
    const oneSided = (await unwrap(ctx.twilio.proxy.GET(list, { params: { path } }))).interactions.find(
      (i) => i.inbound_resource_sid === null,
    );
    expect(oneSided).toMatchObject({ inbound_participant_sid: null, inbound_resource_status: null });
  });
});

describe("emulator options for what Twilio leaves open", () => {
  const reserved = useEmulator("in-process", { agentTasks: "reserved", agentWithoutRouting: "new-task" });

  it("agentTasks: reserved leaves the agent's task reserved until acceptTask()", async () => {
    await outbound(reserved.twilio);
    const [task] = reserved.emulator.tasks();
    expect(task!.status).toBe("reserved");
    expect(reserved.emulator.acceptTask(task!.sid).status).toBe("assigned");
  });

  it("agentWithoutRouting: new-task gives a joining agent a task of its own", async () => {
    const { path } = await outbound(reserved.twilio);
    const agent = await unwrap(
      reserved.twilio.flex.POST(PARTICIPANTS, {
        params: { path },
        body: { Type: "agent", MediaProperties: { identity: "x" } },
      }),
    );
    const tasks = reserved.emulator.tasks();
    expect(tasks).toHaveLength(2);
    expect(agent.routing_properties).toMatchObject({ task_sid: tasks[1]!.sid });
    expect(tasks[1]!.status).toBe("assigned");
  });
});

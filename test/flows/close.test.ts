// The close-type flows against the emulator: each leaves the channel and the
// tasks as Twilio documents, sends the one request its intent needs, and a
// second call leaves the same state without an error or another update.
import { describe, expect, it } from "vitest";
import {
  type ChannelOutcome,
  type InteractionsClient,
  type ParticipantOutcome,
  closeChannel,
  completeChannel,
  completeParticipant,
  leaveChannel,
  wrapUpParticipant,
} from "twilio-interactions";
import { useEmulator } from "../emulator/support";
import { seedContact } from "./support";

type Contact = Awaited<ReturnType<typeof seedContact>>;

describe("close-type flows", () => {
  const ctx = useEmulator("in-process");

  async function state({ handle }: Contact) {
    return {
      channel: (await handle.fetch()).status,
      tasks: ctx.emulator.tasks().map((t) => t.status),
      participants: (await handle.participants.list().toArray()).map((p) => p.sid),
    };
  }
  const updates = () =>
    ctx.emulator
      .requests()
      .filter((r) => r.operation?.startsWith("Update"))
      .map((r) => ({ operation: r.operation, params: r.params }));

  const CASES: {
    name: string;
    run: (twilio: InteractionsClient, contact: Contact) => Promise<ChannelOutcome | ParticipantOutcome>;
    channel: string;
    task: string;
    sent: Record<string, unknown>;
  }[] = [
    {
      name: "closeChannel: closed, tasks in wrap-up",
      run: (twilio, { interaction }) => closeChannel(twilio, interaction),
      channel: "closed",
      task: "wrapping",
      sent: { operation: "UpdateInteractionChannel", params: { Status: "closed" } },
    },
    {
      name: "completeChannel: closed, tasks completed",
      run: (twilio, { interaction }) => completeChannel(twilio, interaction),
      channel: "closed",
      task: "completed",
      sent: { operation: "UpdateInteractionChannel", params: { Status: "closed", Routing: '{"status":"closed"}' } },
    },
    {
      name: "leaveChannel: inactive, tasks completed",
      run: (twilio, { interaction }) => leaveChannel(twilio, interaction),
      channel: "inactive",
      task: "completed",
      sent: { operation: "UpdateInteractionChannel", params: { Status: "inactive", Routing: '{"status":"closed"}' } },
    },
    {
      name: "wrapUpParticipant: the agent's task in wrap-up, channel still active",
      run: (twilio, { interaction, agent }) => wrapUpParticipant(twilio, interaction, agent.sid),
      channel: "active",
      task: "wrapping",
      sent: { operation: "UpdateInteractionChannelParticipant", params: { Status: "wrapup" } },
    },
    {
      name: "completeParticipant: the agent's task completed, channel still active",
      run: (twilio, { interaction, agent }) => completeParticipant(twilio, interaction, agent.sid),
      channel: "active",
      task: "completed",
      sent: { operation: "UpdateInteractionChannelParticipant", params: { Status: "closed" } },
    },
  ];

  for (const { name, run, channel, task, sent } of CASES) {
    it(`${name}; twice is the same as once`, async () => {
      const contact = await seedContact(ctx.twilio);
      expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["assigned"]);
      const first = await run(ctx.twilio, contact);
      expect(first.changed).toBe(true);
      const once = await state(contact);
      expect(once).toMatchObject({ channel, tasks: [task] });
      expect(updates()).toEqual([sent]);

      const second = await run(ctx.twilio, contact);
      expect(second.changed).toBe(false);
      expect(await state(contact)).toEqual(once);
      expect(updates()).toEqual([sent]);
    });
  }

  it("completeParticipant after wrapUpParticipant completes the wrapped-up task", async () => {
    const contact = await seedContact(ctx.twilio);
    await wrapUpParticipant(ctx.twilio, contact.interaction, contact.agent.sid);
    expect((await completeParticipant(ctx.twilio, contact.interaction, contact.agent.sid)).changed).toBe(true);
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
  });

  it("a channel someone else closed between the check and the update counts as done", async () => {
    const contact = await seedContact(ctx.twilio);
    const other = ctx.client();
    // The flow's client: right after the flow reads the channel, another client completes it.
    const twilio = ctx.client({
      async fetch(url, init) {
        const response = await ctx.emulator.fetch(url, init);
        if ((init?.method ?? "GET") === "GET" && url.toString().endsWith(contact.interaction.channel.sid)) {
          await completeChannel(other, contact.interaction);
        }
        return response;
      },
    });
    const outcome = await closeChannel(twilio, contact.interaction);
    expect(outcome).toMatchObject({ changed: false, channel: { status: "closed" } });
    // Twilio refused the late close (a closed channel is read-only); the tasks stay completed.
    expect(
      ctx.emulator
        .requests()
        .filter((r) => r.operation === "UpdateInteractionChannel")
        .map((r) => r.status),
    ).toEqual([200, 400]);
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
  });

  it("completeChannel leaves a channel already closed to wrap-up as it is", async () => {
    const contact = await seedContact(ctx.twilio);
    await closeChannel(ctx.twilio, contact.interaction);
    expect((await completeChannel(ctx.twilio, contact.interaction)).changed).toBe(false);
    expect(await state(contact)).toMatchObject({ channel: "closed", tasks: ["wrapping"] });
  });
});

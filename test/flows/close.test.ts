// The close-type flows against the emulator: each leaves the channel and the
// tasks as Twilio documents, sends the one request its intent needs, and a
// second call leaves the same state without an error or another update.
import { describe, expect, it } from "vitest";
import {
  type ChannelOutcome,
  type InteractionsClient,
  type ParticipantOutcome,
  TwilioValidationError,
  closeChannel,
  closeParticipant,
  leaveChannel,
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
      name: "closeChannel, tasks: wrapup: closed, tasks in wrap-up",
      run: (twilio, { interaction }) => closeChannel(twilio, interaction, { tasks: "wrapup" }),
      channel: "closed",
      task: "wrapping",
      sent: { operation: "UpdateInteractionChannel", params: { Status: "closed" } },
    },
    {
      name: "closeChannel, tasks: complete: closed, tasks completed",
      run: (twilio, { interaction }) => closeChannel(twilio, interaction, { tasks: "complete" }),
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
      name: "closeParticipant, task: wrapup: the agent's task in wrap-up, channel still active",
      run: (twilio, { interaction, agent }) => closeParticipant(twilio, interaction, agent.sid, { task: "wrapup" }),
      channel: "active",
      task: "wrapping",
      sent: { operation: "UpdateInteractionChannelParticipant", params: { Status: "wrapup" } },
    },
    {
      name: "closeParticipant, task: complete: the agent's task completed, channel still active",
      run: (twilio, { interaction, agent }) => closeParticipant(twilio, interaction, agent.sid, { task: "complete" }),
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

  it("task: complete after task: wrapup completes the wrapped-up task; the outcome says what it found", async () => {
    const { interaction, agent } = await seedContact(ctx.twilio);
    expect(await closeParticipant(ctx.twilio, interaction, agent.sid, { task: "wrapup" })).toMatchObject({
      changed: true,
      taskStatus: "assigned",
    });
    expect(await closeParticipant(ctx.twilio, interaction, agent.sid, { task: "complete" })).toMatchObject({
      changed: true,
      taskStatus: "wrapping",
    });
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
    // A wrap-up asked for after the task was completed: nothing to do, and the outcome says why.
    expect(await closeParticipant(ctx.twilio, interaction, agent.sid, { task: "wrapup" })).toEqual({
      changed: false,
      taskStatus: "completed",
    });
  });

  it("needs the task outcome spelled out: a call without it is refused before anything is sent", async () => {
    const { interaction, agent } = await seedContact(ctx.twilio);
    const sent = ctx.emulator.requests().length;
    await expect(closeChannel(ctx.twilio, interaction, {} as never)).rejects.toThrow(TwilioValidationError);
    await expect(closeChannel(ctx.twilio, interaction, undefined as never)).rejects.toThrow(
      /closeChannel needs \{ tasks: "wrapup" \} \(into wrap-up\) or \{ tasks: "complete" \}/,
    );
    await expect(closeParticipant(ctx.twilio, interaction, agent.sid, { task: "close" } as never)).rejects.toThrow(
      /closeParticipant needs \{ task: "wrapup" \}/,
    );
    expect(ctx.emulator.requests().length).toBe(sent);
  });

  it("a channel someone else closed between the check and the update counts as done", async () => {
    const contact = await seedContact(ctx.twilio);
    const other = ctx.client();
    // The flow's client: right after the flow reads the channel, another client completes it.
    const twilio = ctx.client({
      async fetch(url, init) {
        const response = await ctx.emulator.fetch(url, init);
        if ((init?.method ?? "GET") === "GET" && url.toString().endsWith(contact.interaction.channel.sid)) {
          await closeChannel(other, contact.interaction, { tasks: "complete" });
        }
        return response;
      },
    });
    const outcome = await closeChannel(twilio, contact.interaction, { tasks: "wrapup" });
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

  it("closing with tasks: complete leaves a channel already closed to wrap-up as it is", async () => {
    const contact = await seedContact(ctx.twilio);
    await closeChannel(ctx.twilio, contact.interaction, { tasks: "wrapup" });
    expect((await closeChannel(ctx.twilio, contact.interaction, { tasks: "complete" })).changed).toBe(false);
    expect(await state(contact)).toMatchObject({ channel: "closed", tasks: ["wrapping"] });
  });
});

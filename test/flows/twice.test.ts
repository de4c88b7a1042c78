// Every flow called twice, under every reading of what Twilio leaves open
// (the emulator's options): the second call applies no second update and
// throws nothing, and leaves the state as the first left it. Where Twilio
// shows the agent's task, the second call sends no update at all; where it
// does not (an agent given a task of its own), the flow says the status is
// unknown and takes Twilio's "already done" refusal as done.
import { describe, expect, it } from "vitest";
import {
  type InteractionsClient,
  cleanupProxySession,
  closeChannel,
  closeParticipant,
  createInteractionsClient,
  leaveChannel,
  transfer,
  waitForChannel,
} from "twilio-interactions";
import { type Emulator, type EmulatorOptions, createEmulator } from "twilio-interactions/testing";
import { SEED_CHANNEL, SEED_ROUTING, SEED_ROUTING_PARAMS } from "../helpers/seed";

// The three readings of the task rules, in every combination; the expiry readings alternate with them
// (they change nothing before the 180th day, but must not change the flows either).
const READINGS: EmulatorOptions[] = (["assigned", "reserved"] as const).flatMap((agentTasks, i) =>
  (["canceled", "as-accepted"] as const).flatMap((unacceptedTasksOnClose, j) =>
    (["join-open-task", "new-task"] as const).map((agentWithoutRouting, k) => ({
      agentTasks,
      unacceptedTasksOnClose,
      agentWithoutRouting,
      expiryResetBy: (i + j + k) % 2 ? "any-channel-write" : "channel-updates",
      expiredInteraction: (i + j) % 2 ? "removed" : "kept",
    })),
  ),
);

/** The seed's outbound SMS, set up; its agent (who accepted the task) and an agent added through the API. */
async function contact(twilio: InteractionsClient, emulator: Emulator) {
  const interaction = await twilio.flex.interactions.create({ Channel: SEED_CHANNEL, Routing: SEED_ROUTING_PARAMS });
  await waitForChannel(twilio, interaction, { timeoutMs: 5_000 });
  // In Flex UI the agent accepts the reservation first; no Interactions request does that.
  for (const task of emulator.tasks({ status: "reserved" })) emulator.acceptTask(task.sid);
  const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
  const agent = (await channel.participants.list().toArray()).find((p) => p.type === "agent")!;
  const added = await channel.participants.create({ Type: "agent", MediaProperties: { identity: "second-agent" } });
  const { serviceSid, sessionSid } = emulator.proxySession({ interactions: 3 });
  return { interaction, agent: agent.sid, added: added.sid, session: { serviceSid, sessionSid } };
}

type Contact = Awaited<ReturnType<typeof contact>>;

interface Flow {
  name: string;
  run(twilio: InteractionsClient, contact: Contact): Promise<unknown>;
  /** Whether Twilio shows what the flow needs to know to skip the second update, under these options. */
  visible?: (options: EmulatorOptions) => boolean;
}

const FLOWS: Flow[] = [
  { name: "closeChannel, tasks: wrapup", run: (t, c) => closeChannel(t, c.interaction, { tasks: "wrapup" }) },
  { name: "closeChannel, tasks: complete", run: (t, c) => closeChannel(t, c.interaction, { tasks: "complete" }) },
  { name: "leaveChannel", run: (t, c) => leaveChannel(t, c.interaction) },
  {
    name: "closeParticipant of the agent, task: wrapup",
    run: (t, c) => closeParticipant(t, c.interaction, c.agent, { task: "wrapup" }),
  },
  {
    name: "closeParticipant of the agent, task: complete",
    run: (t, c) => closeParticipant(t, c.interaction, c.agent, { task: "complete" }),
  },
  {
    name: "closeParticipant of an agent added without RoutingProperties, task: wrapup",
    run: (t, c) => closeParticipant(t, c.interaction, c.added, { task: "wrapup" }),
    visible: (options) => options.agentWithoutRouting === "join-open-task",
  },
  {
    name: "closeParticipant of an agent added without RoutingProperties, task: complete",
    run: (t, c) => closeParticipant(t, c.interaction, c.added, { task: "complete" }),
    visible: (options) => options.agentWithoutRouting === "join-open-task",
  },
  { name: "waitForChannel", run: (t, c) => waitForChannel(t, c.interaction, { timeoutMs: 5_000 }) },
  {
    name: "transfer, cold",
    run: (t, c) => transfer(t, c.interaction, { to: { queueSid: SEED_ROUTING.queueSid }, mode: "cold", from: c.agent }),
  },
  { name: "cleanupProxySession", run: (t, c) => cleanupProxySession(t, c.session) },
];

const updates = (emulator: Emulator) =>
  emulator.requests().filter((r) => r.operation?.startsWith("Update") || r.operation?.startsWith("Delete"));
const applied = (emulator: Emulator) => updates(emulator).filter((r) => r.status !== null && r.status < 300);

describe.each(READINGS.map((options) => [JSON.stringify(options), options] as const))("under %s", (_name, options) => {
  it.each(FLOWS)("$name twice: no second update, no error, the same state", async (flow) => {
    const emulator = createEmulator(options);
    const twilio = createInteractionsClient({ ...emulator.clientOptions, maxRetries: 0 });
    const seeded = await contact(twilio, emulator);
    const state = async () => ({
      channel: (await twilio.flex.interactions(seeded.interaction.sid).channels(seeded.interaction.channel.sid).fetch())
        .status,
      tasks: emulator.tasks().map((task) => `${task.sid} ${task.status}`),
    });

    await flow.run(twilio, seeded);
    const once = { state: await state(), updates: updates(emulator).length, applied: applied(emulator).length };
    const second = await flow.run(twilio, seeded);
    expect(await state()).toEqual(once.state);
    expect(applied(emulator).length).toBe(once.applied);
    if (flow.visible?.(options) ?? true) {
      expect(updates(emulator).length).toBe(once.updates);
    } else {
      // Twilio shows no task for this agent: the second call learns from Twilio's refusal, and says so.
      expect(second).toMatchObject({ changed: false, taskStatus: "unknown" });
      expect(
        updates(emulator)
          .slice(once.updates)
          .map((r) => r.status),
      ).toEqual([400]);
    }
  });
});

// The parity scenarios: one set of code, run against a real account or the
// emulator. Each takes a client and the resources it may use; everything else
// it needs it creates, and the run's tracker undoes it. Steps marked as
// refusals probe the cases Twilio's docs leave open (docs/live-parity.md says
// which emulator option each one would change).
import type { FlexApi, Sid } from "twilio-interactions";
import { addSmsParticipant } from "../../examples/add-participant.ts";
import { closeChannel as closeWithRouting } from "../../examples/close-channel.ts";
import { type AgentRouting, type SmsParties, createOutboundSms } from "../../examples/create-outbound-sms.ts";
import { deleteProxyInteraction } from "../../examples/delete-proxy-interaction.ts";
import { inviteToQueue } from "../../examples/invite-to-queue.ts";
import type { ProxySession } from "../../examples/list-proxy-interactions.ts";
import { wrapUpAgents } from "../../examples/wrap-up-agent.ts";
import type { Recorder } from "./recorder.mts";
import { type Client, flows } from "./sdk.mts";

/** What a run may use. On Twilio these come from the environment; on the emulator, from the emulator. */
export interface ParityResources {
  routing: AgentRouting;
  sms: SmsParties;
  /** The number the seed story adds as a participant. */
  participantNumber: string;
  /** The user's Proxy session: paged through, never changed but for `proxyInteractionSid`. */
  proxy: ProxySession;
  /** The one Proxy interaction the run may fetch and delete. */
  proxyInteractionSid: Sid<"KI">;
  /** The Flex instance the webhook scenario registers its webhook on. */
  flexInstanceSid: Sid<"GO">;
  /** Where the registered webhook points; it is attached to no interaction, so nothing calls it. */
  webhookUrl: string;
}

/** What a scenario gets. */
export interface ScenarioContext {
  twilio: Client;
  resources: ParityResources;
  step: Recorder["step"];
  /** Records how long the channel took to become active. */
  setupTook(ms: number): void;
}

export interface Scenario {
  name: string;
  run(context: ScenarioContext): Promise<void>;
}

type Interaction = FlexApi.Interaction;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing: the step before it did not give it.`);
  return value;
}

// Creates the seed story's outbound SMS interaction and waits for its channel, timing the setup.
async function createAndWait({ twilio, resources, step, setupTook }: ScenarioContext): Promise<Interaction> {
  const interaction = required(
    await step("Create an agent-initiated outbound SMS interaction", () =>
      createOutboundSms(twilio, resources.routing, resources.sms),
    ),
    "The interaction",
  );
  const started = performance.now();
  await step("Wait until the channel is active", () => flows.waitForChannel(twilio, interaction));
  setupTook(Math.round(performance.now() - started));
  return interaction;
}

const observeTask = ({ twilio, step }: ScenarioContext, interaction: Interaction, why: string) =>
  step(`Fetch the interaction (${why})`, () => twilio.flex.interactions(interaction.sid).fetch());

async function findAgent({ twilio, step }: ScenarioContext, interaction: Interaction): Promise<Sid<"UT">> {
  const agent = await step("List the participants and find the agent", async () => {
    const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
    for await (const participant of channel.participants.list()) if (participant.type === "agent") return participant;
    throw new Error("The channel has no agent participant: has the worker accepted the outbound task?");
  });
  return required(agent, "The agent participant").sid;
}

const closeWithCompletion = ({ twilio, step }: ScenarioContext, interaction: Interaction) =>
  step("Close the channel and complete its tasks", () => flows.closeWithCompletion(twilio, interaction));

const seedStory: Scenario = {
  name: "The seed story",
  async run(context) {
    const { twilio, resources, step } = context;
    const interaction = required(
      await step("Create the agent-initiated outbound SMS interaction", () =>
        createOutboundSms(twilio, resources.routing, resources.sms),
      ),
      "The interaction",
    );
    const handle = twilio.flex.interactions(interaction.sid);
    const channelSid = interaction.channel.sid;
    await step("Fetch its channel right away", () => handle.channels(channelSid).fetch());
    const started = performance.now();
    await step("Wait until the channel is active", () => flows.waitForChannel(twilio, interaction));
    context.setupTook(Math.round(performance.now() - started));
    await step("Fetch the interaction", () => handle.fetch());
    await step("List its channels", () => handle.channels.list().toArray());
    await step("Add a participant to the channel", () =>
      addSmsParticipant(twilio, interaction.sid, channelSid, resources.participantNumber, resources.sms.twilioNumber),
    );
    await step("Invite the channel to the queue", () =>
      inviteToQueue(twilio, interaction.sid, channelSid, resources.routing, {
        customerName: resources.sms.customerName,
      }),
    );
    await step("Put the channel's agents into wrap-up", () => wrapUpAgents(twilio, interaction.sid, channelSid));
    await step("Close the channel and complete its tasks", () =>
      closeWithRouting(twilio, interaction.sid, channelSid, { completeTasks: true }),
    );
    await step("List the invites (the invite's task after the close)", () =>
      handle.channels(channelSid).invites.list().toArray(),
    );
    await observeTask(context, interaction, "the agent's task after the close");
  },
};

const closeWithWrapUp: Scenario = {
  name: "Close with wrap-up",
  async run(context) {
    const interaction = await createAndWait(context);
    await observeTask(context, interaction, "the outbound task once set up");
    await context.step("Close the channel with wrap-up", () => flows.closeWithWrapUp(context.twilio, interaction));
    await observeTask(context, interaction, "the task after the close");
    const channel = context.twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
    await context.step(
      "Close it again, completing the tasks (a closed channel)",
      () => channel.update({ Status: "closed", Routing: { status: "closed" } }),
      { expectsRefusal: true },
    );
    await observeTask(context, interaction, "the task after the second close");
  },
};

const closeWithCompletionScenario: Scenario = {
  name: "Close with completion",
  async run(context) {
    const interaction = await createAndWait(context);
    await closeWithCompletion(context, interaction);
    await observeTask(context, interaction, "the task after the close");
  },
};

const leave: Scenario = {
  name: "Leave the channel",
  async run(context) {
    const interaction = await createAndWait(context);
    const channel = context.twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
    // The types forbid it, as Twilio's spec does; the probe asks what Twilio answers.
    const withoutRouting = { Status: "inactive" } as unknown as Parameters<typeof channel.update>[0];
    await context.step("Set the channel inactive without Routing", () => channel.update(withoutRouting), {
      expectsRefusal: true,
    });
    await context.step("Leave the channel", () => flows.leave(context.twilio, interaction));
    await observeTask(context, interaction, "the task after leaving");
  },
};

const participantWrapUp: Scenario = {
  name: "Wrap up and complete a participant",
  async run(context) {
    const { twilio, step } = context;
    const interaction = await createAndWait(context);
    const agent = await findAgent(context, interaction);
    await step("Wrap up the agent", () => flows.wrapUpParticipant(twilio, interaction, agent));
    await step("Wrap up the agent again (nothing to do)", () => flows.wrapUpParticipant(twilio, interaction, agent));
    await observeTask(context, interaction, "the agent's task in wrap-up");
    await step("Complete the agent's task", () => flows.completeParticipant(twilio, interaction, agent));
    await observeTask(context, interaction, "the agent's task completed");
    await closeWithCompletion(context, interaction);
  },
};

const coldTransfer: Scenario = {
  name: "Cold transfer to a queue",
  async run(context) {
    const { twilio, resources, step } = context;
    const interaction = await createAndWait(context);
    const agent = await findAgent(context, interaction);
    await step("Transfer cold to the queue", () =>
      flows.transfer(twilio, interaction, { to: { queueSid: resources.routing.queueSid }, mode: "cold", from: agent }),
    );
    await step("List the invites (the transfer's task)", () =>
      twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid).invites.list().toArray(),
    );
    await observeTask(context, interaction, "the first agent's task");
    await closeWithCompletion(context, interaction);
  },
};

// The new agent of a warm transfer: once the transfer's invite exists, its
// worker joins the channel as an agent on the invite's task (what Flex does
// when the worker accepts).
async function joinInvite(twilio: Client, interaction: Interaction, before: number, workerSid: Sid<"WK">) {
  const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
  for (let attempt = 0; attempt < 100; attempt++) {
    const invites = await channel.invites.list().toArray();
    const task = invites[before]?.routing?.properties.sid;
    if (task) {
      return channel.participants.create({
        Type: "agent",
        MediaProperties: { identity: "twilio-interactions-parity" },
        RoutingProperties: { task_sid: task, worker_sid: workerSid },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(2 ** attempt, 40)));
  }
  throw new Error("The warm transfer's invite never appeared.");
}

const warmTransfer: Scenario = {
  name: "Warm transfer to a worker",
  async run(context) {
    const { twilio, resources, step } = context;
    const interaction = await createAndWait(context);
    const agent = await findAgent(context, interaction);
    const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
    const before = required(await step("List the invites", () => channel.invites.list().toArray()), "The invites");
    await step(
      "Transfer warm to the worker; the new agent joins, the first completes their task",
      async () => {
        const joining = joinInvite(twilio, interaction, before.length, resources.routing.workerSid);
        const [outcome] = await Promise.all([
          flows.transfer(twilio, interaction, {
            to: { workerSid: resources.routing.workerSid, queueSid: resources.routing.queueSid },
            mode: "warm",
            from: agent,
            fromLeavesWith: "complete",
            timeoutMs: 60_000,
            initialDelayMs: 100,
          }),
          joining,
        ]);
        return outcome;
      },
      { concurrent: true },
    );
    await closeWithCompletion(context, interaction);
  },
};

const interactionWebhooks: Scenario = {
  name: "Interaction webhooks",
  async run({ twilio, resources, step }) {
    const webhooks = twilio.flex.instances(resources.flexInstanceSid).interactionWebhooks;
    const created = required(
      await step("Register an interaction webhook", () =>
        webhooks.create({
          Type: "interaction",
          WebhookUrl: resources.webhookUrl,
          WebhookMethod: "POST",
          WebhookEvents: ["onChannelStatusUpdated"],
          FriendlyName: "twilio-interactions parity run",
        }),
      ),
      "The webhook",
    );
    await step("List the interaction webhooks of type interaction", () =>
      webhooks.list({ type: "interaction" }).toArray(),
    );
    await step("Fetch the webhook", () => webhooks(created.ttid).fetch());
    await step("Update the webhook's events", () =>
      webhooks(created.ttid).update({ WebhookEvents: ["onChannelStatusUpdated", "onParticipantLeft"] }),
    );
    await step("Delete the webhook", () => webhooks(created.ttid).remove());
    await step("Fetch the deleted webhook", () => webhooks(created.ttid).fetch(), { expectsRefusal: true });
  },
};

const proxySession: Scenario = {
  name: "Proxy session",
  async run({ twilio, resources, step }) {
    const { proxy, proxyInteractionSid } = resources;
    const interactions = twilio.proxy.services(proxy.serviceSid).sessions(proxy.sessionSid).interactions;
    await step("Page through the session's interactions, two a page", () =>
      interactions.list({ PageSize: 2 }).toArray(),
    );
    await step("Fetch the interaction the run may delete", () => interactions(proxyInteractionSid).fetch());
    await step("Delete it", () => deleteProxyInteraction(twilio, proxy, proxyInteractionSid));
    await step("Fetch it again", () => interactions(proxyInteractionSid).fetch(), { expectsRefusal: true });
  },
};

/** Every scenario, in the order a run takes them. */
export const SCENARIOS: readonly Scenario[] = [
  seedStory,
  closeWithWrapUp,
  closeWithCompletionScenario,
  leave,
  participantWrapUp,
  coldTransfer,
  warmTransfer,
  interactionWebhooks,
  proxySession,
];

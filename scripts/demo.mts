// npm run demo: the seeds' story told through the public client, step by step.
//
//   npm run demo              against the emulator (twilio-interactions/testing), in-process:
//                             no credentials, no port, no process left behind. Fresh SIDs each
//                             run, and the statuses change as on Twilio: the channel goes
//                             setup → active → closed, the agent's task wrapping → completed,
//                             and the invite makes a new task.
//   npm run demo -- --live    against Twilio, with real side effects (it creates an interaction,
//                             sends an SMS, closes the channel and deletes a Proxy interaction).
//
// --live reads from the environment:
//   credentials          TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET
//   TaskRouter           TWILIO_WORKSPACE_SID, TWILIO_WORKFLOW_SID, TWILIO_QUEUE_SID, TWILIO_WORKER_SID
//   numbers              TWILIO_CUSTOMER_NUMBER (who gets the SMS), TWILIO_FLEX_NUMBER (your Twilio
//                        number), TWILIO_PARTICIPANT_NUMBER (the participant the story adds)
//   Proxy                TWILIO_PROXY_SERVICE_SID, TWILIO_PROXY_SESSION_SID, and
//                        TWILIO_PROXY_INTERACTION_SID: the interaction to fetch and DELETE
//
// Twilio sets channels up asynchronously: on a live account the wrap-up step
// finds an agent only once the agent has accepted the task.
import { parseArgs } from "node:util";
import {
  type FlexApi,
  type InteractionsClient,
  type Sid,
  TwilioApiError,
  TwilioError,
  createInteractionsClient,
  waitForChannel,
} from "twilio-interactions";
import { addSmsParticipant } from "../examples/add-participant.ts";
import { closeChannel } from "../examples/close-channel.ts";
import { createOutboundSms } from "../examples/create-outbound-sms.ts";
import { deleteProxyInteraction } from "../examples/delete-proxy-interaction.ts";
import { inviteToQueue } from "../examples/invite-to-queue.ts";
import { listProxyInteractions } from "../examples/list-proxy-interactions.ts";
import { wrapUpAgents } from "../examples/wrap-up-agent.ts";
import { type Emulator, createEmulator } from "twilio-interactions/testing";
import { SEED_STORY, type Story, liveStoryFromEnv } from "./story-settings.mts";

class StepError extends Error {
  constructor(title: string, cause: unknown) {
    super(`Step "${title}" failed: ${describe(cause)}`, { cause });
  }
}

function describe(error: unknown): string {
  if (error instanceof TwilioApiError) return `${error.name} (HTTP ${error.status}): ${error.message}`;
  if (error instanceof TwilioError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

// The TaskRouter task Twilio reports, or says that it did not.
function task(routing: FlexApi.RoutingState | null | undefined): string {
  const properties = routing?.properties;
  return properties?.sid
    ? `${properties.sid}: ${properties.assignment_status ?? "status not reported"}`
    : "(not reported)";
}

// What the emulated contact centre did, after a step: its TaskRouter tasks and their statuses.
function taskLines(emulator: Emulator | undefined): string[] {
  return emulator
    ? emulator.tasks().map((t) => `task ${t.sid}: ${t.status}${t.inviteSid ? ` (invite ${t.inviteSid})` : ""}`)
    : [];
}

async function tell(twilio: InteractionsClient, story: Story, emulator?: Emulator): Promise<void> {
  let number = 0;
  const step = async <T,>(title: string, run: () => Promise<T>, result: (value: T) => string[]): Promise<T> => {
    number += 1;
    let value: T;
    try {
      value = await run();
    } catch (error) {
      console.log(`${String(number).padStart(2)}. ${title} ✗`);
      throw new StepError(title, error);
    }
    const [headline, ...details] = result(value);
    console.log(`${String(number).padStart(2)}. ${title} → ${headline}`);
    for (const line of details) console.log(`    ${line}`);
    return value;
  };
  const { routing, sms, proxy } = story;

  console.log("\nFlex Interactions API");
  const created = await step(
    "Create the agent-initiated outbound SMS interaction",
    () => createOutboundSms(twilio, routing, sms),
    (i) => [
      i.sid,
      `channel ${i.channel.sid} (${i.channel.type}), SMS to ${sms.customerNumber} from ${sms.twilioNumber}`,
      `task ${task(i.routing)}`,
    ],
  );
  const interactionSid = created.sid;
  const interactionHandle = twilio.flex.interactions(interactionSid);
  await step(
    "Fetch its channel right away",
    () => interactionHandle.channels(created.channel.sid).fetch(),
    (c) => [`${c.sid} ${c.status}${c.status === "setup" ? " (Twilio sets channels up asynchronously)" : ""}`],
  );
  await step(
    "Wait until the channel is active",
    () => waitForChannel(twilio, created, { timeoutMs: 30_000 }),
    (c) => [`${c.sid} ${c.status}`],
  );
  const interaction = await step(
    "Fetch the interaction",
    () => interactionHandle.fetch(),
    (i) => [i.sid, `channel ${i.channel.sid} (${i.channel.type}), ${i.links.channels}`],
  );
  const channels = await step(
    "List its channels with for await",
    async () => {
      const found = [];
      for await (const channel of interactionHandle.channels.list()) found.push(channel);
      return found;
    },
    (list) => [`${list.length} channel(s)`, ...list.map((c) => `${c.sid}  ${c.type}  ${c.status}`)],
  );
  const channelSid = channels[0]?.sid ?? interaction.channel.sid;
  await step(
    `Add ${story.participantNumber} to the channel as a participant`,
    () => addSmsParticipant(twilio, interactionSid, channelSid, story.participantNumber, sms.twilioNumber),
    (p) => [`${p.sid} (${p.type})`],
  );
  await step(
    `Invite the channel to queue ${routing.queueSid}`,
    () => inviteToQueue(twilio, interactionSid, channelSid, routing, { customerName: sms.customerName }),
    (invite) => [invite.sid, `new task ${task(invite.routing)}`, ...taskLines(emulator)],
  );
  await step(
    "Put the channel's agent into wrap-up",
    () => wrapUpAgents(twilio, interactionSid, channelSid),
    (agents) => [
      agents.length ? agents.map((a) => `${a.sid} (${a.type})`).join(", ") : "no agent on the channel yet",
      ...taskLines(emulator),
    ],
  );
  await step(
    "Close the channel and complete its tasks",
    () => closeChannel(twilio, interactionSid, channelSid, { completeTasks: true }),
    (c) => [`${c.sid} ${c.status}`, ...taskLines(emulator)],
  );

  console.log("\nProxy Interactions API");
  const listed = await step(
    `Page through the interactions of session ${proxy.sessionSid} with for await`,
    () => listProxyInteractions(twilio, proxy),
    (list) => [
      `${list.length} interaction(s)`,
      ...list.map((i) => `${i.sid}  ${i.type.padEnd(7)}  ${i.date_created}  ${i.data ?? ""}`),
    ],
  );
  const target = story.proxyInteractionSid ?? listed[0]?.sid;
  if (!target) throw new Error("The session has no interaction to fetch and delete.");
  await step(
    `Fetch interaction ${target}`,
    () => twilio.proxy.services(proxy.serviceSid).sessions(proxy.sessionSid).interactions(target).fetch(),
    (i) => [
      `${i.type}, inbound ${i.inbound_resource_status ?? "?"}, outbound ${i.outbound_resource_status ?? "?"}`,
      `data ${i.data ?? "null"}`,
    ],
  );
  await step(
    `Delete interaction ${target}`,
    () => deleteProxyInteraction(twilio, proxy, target),
    (status) => [`deleted (HTTP ${status})`],
  );
  console.log(`\nDone: all ${number} steps succeeded.`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { live: { type: "boolean", default: false } } });
  if (values.live) {
    const twilio = createInteractionsClient(); // credentials from the environment, or a TwilioConfigError
    const story = liveStoryFromEnv("--live");
    console.log("twilio-interactions demo against Twilio (--live): this changes real resources.");
    await tell(twilio, story);
    return;
  }
  console.log("twilio-interactions demo: the seeds' story against the emulator (twilio-interactions/testing).");
  // A fresh seed each run: fresh SIDs, as Twilio would give.
  const emulator = createEmulator({ seed: Date.now() % 2 ** 31, channelSetupMs: 1000 });
  const session = emulator.proxySession({ interactions: 7 });
  console.log(
    `In-process, with the emulator's own credentials (${emulator.credentials.accountSid}); nothing is sent to Twilio.`,
  );
  const twilio = createInteractionsClient(emulator.clientOptions);
  const proxy = { serviceSid: session.serviceSid, sessionSid: session.sessionSid };
  await tell(twilio, { ...SEED_STORY, proxy }, emulator);
}

main().catch((error: unknown) => {
  const badArguments =
    error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
  const usage = badArguments ? ". Usage: npm run demo [-- --live]" : "";
  console.error(`\nThe demo failed. ${describe(error)}${usage}`);
  process.exitCode = 1;
});

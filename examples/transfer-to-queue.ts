/**
 * Transfers a conversation from one agent to a queue. Twilio's invite creates
 * the new task without the original task's attributes; `transfer` sends them
 * again (customer name, Insights conversation id, …) with a transfer reason
 * added, and only then lets the first agent leave:
 *
 * - cold (default): the first agent goes into wrap-up as soon as Twilio
 *   accepted the invite;
 * - warm (`--warm`): the first agent stays until a new agent has joined the
 *   channel (up to two minutes), then goes into wrap-up.
 *
 * Run: npx tsx examples/transfer-to-queue.ts [--warm]
 * Reads: TWILIO_INTERACTION_SID, TWILIO_CHANNEL_SID, TWILIO_PARTICIPANT_SID (the first agent),
 * TWILIO_QUEUE_SID, and the client variables (see "Examples" in README.md).
 */
import {
  type ChannelRef,
  type InteractionsClient,
  type Sid,
  type TransferOutcome,
  transfer,
} from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv } from "./support/standalone";

/**
 * Transfers the channel to `queueSid` and returns what happened.
 *
 * @example
 * ```ts
 * const { invite } = await transferToQueue(twilio, { interactionSid, channelSid }, agentSid, queueSid, "cold");
 * ```
 */
export function transferToQueue(
  twilio: InteractionsClient,
  channel: ChannelRef,
  agentSid: Sid<"UT">,
  queueSid: Sid<"WQ">,
  mode: "warm" | "cold",
): Promise<TransferOutcome> {
  return transfer(twilio, channel, {
    to: { queueSid },
    mode,
    from: agentSid,
    attributes: { transferReason: "customer asked for billing" },
    timeoutMs: 120_000,
  });
}

runIfMain(import.meta.url, async () => {
  const warm = process.argv.includes("--warm");
  const outcome = await transferToQueue(
    clientFromEnv(),
    { interactionSid: sidFromEnv("TWILIO_INTERACTION_SID", "KD"), channelSid: sidFromEnv("TWILIO_CHANNEL_SID", "UO") },
    sidFromEnv("TWILIO_PARTICIPANT_SID", "UT"),
    sidFromEnv("TWILIO_QUEUE_SID", "WQ"),
    warm ? "warm" : "cold",
  );
  const copied = Object.keys(outcome.attributes).length;
  console.log(
    `Invite ${outcome.invite.sid} sent with ${copied} task attributes; ` +
      `the first agent ${outcome.from?.changed ? "is in wrap-up" : "was already done"}.`,
  );
});

/**
 * Closes an interaction channel, in one of two ways:
 *
 * - without completing its tasks: every task goes to wrap-up, and agents
 *   complete them when they are done (`Status=closed`);
 * - completing its tasks at once (`Status=closed` with `Routing={"status":"closed"}`).
 *
 * Either way the conversation is closed and becomes read-only.
 *
 * Run: npx tsx examples/close-channel.ts [--complete-tasks]
 * Reads: TWILIO_INTERACTION_SID, TWILIO_CHANNEL_SID, and the client variables (see "Examples" in README.md).
 */
import type { InteractionsClient, Sid, FlexApi } from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv } from "./support/standalone";

/**
 * Closes the channel and returns it (`status` is then `closed`).
 *
 * @example
 * ```ts
 * await closeChannel(twilio, interactionSid, channelSid, { completeTasks: false }); // tasks go to wrap-up
 * await closeChannel(twilio, interactionSid, channelSid, { completeTasks: true }); // tasks are completed
 * ```
 */
export async function closeChannel(
  twilio: InteractionsClient,
  interactionSid: Sid<"KD">,
  channelSid: Sid<"UO">,
  { completeTasks }: { completeTasks: boolean },
): Promise<FlexApi.InteractionChannel> {
  const channel = twilio.flex.interactions(interactionSid).channels(channelSid);
  return channel.update(completeTasks ? { Status: "closed", Routing: { status: "closed" } } : { Status: "closed" });
}

runIfMain(import.meta.url, async () => {
  const completeTasks = process.argv.includes("--complete-tasks");
  const channel = await closeChannel(
    clientFromEnv(),
    sidFromEnv("TWILIO_INTERACTION_SID", "KD"),
    sidFromEnv("TWILIO_CHANNEL_SID", "UO"),
    { completeTasks },
  );
  console.log(
    `Channel ${channel.sid} is ${channel.status}; its tasks ${completeTasks ? "are completed" : "are in wrap-up"}.`,
  );
});

/**
 * Puts the agents of a channel into wrap-up: finds the channel's agent
 * participants and sets each one's status to `wrapup`, which moves the
 * agent's TaskRouter reservation into wrap-up while the conversation stays
 * open for everyone else. (`closed` instead would complete the agent's task.)
 *
 * Run: npx tsx examples/wrap-up-agent.ts
 * Reads: TWILIO_INTERACTION_SID, TWILIO_CHANNEL_SID, and the client variables (see "Examples" in README.md).
 */
import type { InteractionsClient, Sid, FlexApi } from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv } from "./support/standalone";

/**
 * Wraps up every agent participant of the channel and returns them as updated.
 *
 * @example
 * ```ts
 * const agents = await wrapUpAgents(twilio, interactionSid, channelSid);
 * console.log(agents.map((agent) => agent.sid));
 * ```
 */
export async function wrapUpAgents(
  twilio: InteractionsClient,
  interactionSid: Sid<"KD">,
  channelSid: Sid<"UO">,
): Promise<FlexApi.InteractionChannelParticipant[]> {
  const channel = twilio.flex.interactions(interactionSid).channels(channelSid);
  const wrappedUp: FlexApi.InteractionChannelParticipant[] = [];
  for await (const participant of channel.participants.list()) {
    if (participant.type !== "agent") continue;
    wrappedUp.push(await channel.participants(participant.sid).update({ Status: "wrapup" }));
  }
  return wrappedUp;
}

runIfMain(import.meta.url, async () => {
  const agents = await wrapUpAgents(
    clientFromEnv(),
    sidFromEnv("TWILIO_INTERACTION_SID", "KD"),
    sidFromEnv("TWILIO_CHANNEL_SID", "UO"),
  );
  console.log(
    agents.length ? `In wrap-up: ${agents.map((agent) => agent.sid).join(", ")}` : "The channel has no agent.",
  );
});

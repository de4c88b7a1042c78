// The seed's agent-initiated SMS on an emulator, set up and with its agent
// joined, for the flow tests.
import type { InteractionsClient } from "twilio-interactions";
import { waitForChannel } from "twilio-interactions";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../helpers/seed";

export async function seedContact(twilio: InteractionsClient) {
  const interaction = await twilio.flex.interactions.create({ Channel: SEED_CHANNEL, Routing: SEED_ROUTING_PARAMS });
  const channel = await waitForChannel(twilio, interaction, { timeoutMs: 5_000 });
  const handle = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
  const participants = await handle.participants.list().toArray();
  const agent = participants.find((p) => p.type === "agent")!;
  return { interaction, channel, handle, agent };
}

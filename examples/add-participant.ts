/**
 * Adds a participant to an SMS channel: here an external party (a colleague
 * or a partner) reached at a phone number, who joins the conversation
 * through your Twilio number. Chat and web participants take
 * `{ identity }` instead, email ones `{ type: "email", level, name, address }`.
 *
 * Run: npx tsx examples/add-participant.ts
 * Reads: TWILIO_INTERACTION_SID, TWILIO_CHANNEL_SID, TWILIO_PARTICIPANT_NUMBER, TWILIO_FLEX_NUMBER,
 * and the client variables (see "Examples" in README.md).
 */
import type { InteractionsClient, Sid, FlexApi } from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv, textFromEnv } from "./support/standalone";

/**
 * Adds the number as an `external` participant and returns the participant.
 *
 * @example
 * ```ts
 * const participant = await addSmsParticipant(twilio, interactionSid, channelSid, "+15557654321", "+19255551234");
 * console.log(participant.sid); // UT…
 * ```
 */
export async function addSmsParticipant(
  twilio: InteractionsClient,
  interactionSid: Sid<"KD">,
  channelSid: Sid<"UO">,
  number: string,
  twilioNumber: string,
): Promise<FlexApi.InteractionChannelParticipant> {
  return twilio.flex
    .interactions(interactionSid)
    .channels(channelSid)
    .participants.create({ Type: "external", MediaProperties: { address: number, proxy_address: twilioNumber } });
}

runIfMain(import.meta.url, async () => {
  const participant = await addSmsParticipant(
    clientFromEnv(),
    sidFromEnv("TWILIO_INTERACTION_SID", "KD"),
    sidFromEnv("TWILIO_CHANNEL_SID", "UO"),
    textFromEnv("TWILIO_PARTICIPANT_NUMBER"),
    textFromEnv("TWILIO_FLEX_NUMBER"),
  );
  console.log(`Added participant ${participant.sid} (${participant.type})`);
});

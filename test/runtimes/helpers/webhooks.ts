// What the webhooks suite (consumers/webhooks.mjs) must return on every
// runtime: each event the emulator signed accepted and typed, the replay of
// the first one accepted as sent, and refused with a WebhookSignatureError
// when a parameter changed or the handler holds another Auth Token.
import { expect } from "vitest";

const KD = expect.stringMatching(/^KD[0-9a-f]{32}$/);
const UO = expect.stringMatching(/^UO[0-9a-f]{32}$/);

export function expectWebhookCases(result: unknown): void {
  const channel = { InteractionSid: KD, ChannelSid: UO };
  expect(result).toEqual({
    interactionSid: KD,
    channelSid: UO,
    signed: true,
    deliveries: [
      "onInteractionCreated 204",
      "onChannelCreated 204",
      "onChannelStatusUpdated 204",
      "onParticipantJoined 204",
      "onParticipantJoined 204",
      "onChannelStatusUpdated 204",
    ],
    events: [
      { EventType: "onInteractionCreated", InteractionSid: KD },
      { EventType: "onChannelCreated", ...channel },
      { EventType: "onChannelStatusUpdated", ...channel, ChannelStatus: "active" },
      { EventType: "onParticipantJoined", ...channel },
      { EventType: "onParticipantJoined", ...channel },
      { EventType: "onChannelStatusUpdated", ...channel, ChannelStatus: "closed" },
    ],
    replayed: "204",
    changedParameter: "403 WebhookSignatureError mismatch",
    wrongToken: "403 WebhookSignatureError mismatch",
  });
  const { interactionSid, channelSid, events } = result as {
    interactionSid: string;
    channelSid: string;
    events: { InteractionSid: string; ChannelSid?: string }[];
  };
  for (const event of events) {
    expect(event.InteractionSid).toBe(interactionSid);
    if (event.ChannelSid) expect(event.ChannelSid).toBe(channelSid);
  }
}

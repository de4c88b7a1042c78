/**
 * A user's own test of the Flex event receiver in examples/flex-events.ts,
 * against the emulator: the emulator sends the events its state changes
 * cause, signed with its Auth Token, straight to the handler (no port). The
 * test asserts "the survey went out when the agent left" with no network and
 * no account.
 *
 * Run: npx vitest run --config test/vitest.config.mts examples/flex-events.test.ts
 */
import { beforeEach, describe, expect, it } from "vitest";
import { type InteractionEventOf, createInteractionsClient, twilioSignature } from "twilio-interactions";
import { createEmulator } from "twilio-interactions/testing";
import { flexEventsHandler } from "./flex-events";

const URL_ = "https://app.example.org/flex-events";
const surveys: InteractionEventOf<"onParticipantLeft">[] = [];
const parked: InteractionEventOf<"onChannelStatusUpdated">[] = [];

let handle: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
const emulator = createEmulator({ seed: 7, webhookFetch: (request) => handle(request) });
handle = flexEventsHandler(
  { authToken: emulator.credentials.authToken },
  {
    sendSurvey: async (event) => void surveys.push(event),
    park: async (event) => void parked.push(event),
  },
);
const twilio = createInteractionsClient(emulator.clientOptions);

async function startConversation() {
  return twilio.flex.interactions.create({
    Channel: {
      type: "sms",
      initiated_by: "agent",
      participants: [{ address: "+15551230000", proxy_address: "+15559870000" }],
    },
    Routing: {
      properties: {
        workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      },
    },
  });
}

describe("the Flex event receiver", () => {
  beforeEach(async () => {
    emulator.reset();
    surveys.length = 0;
    parked.length = 0;
    await twilio.flex.instances(emulator.flexInstanceSid).interactionWebhooks.create({
      WebhookUrl: URL_,
      WebhookMethod: "POST",
      WebhookEvents: ["onParticipantLeft", "onChannelStatusUpdated"],
    });
  });

  it("sends the survey when the agent leaves, and parks the channel when it goes inactive", async () => {
    const interaction = await startConversation();
    const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
    const agent = (await channel.participants.list().toArray()).find((p) => p.type === "agent")!;
    await channel.participants(agent.sid).update({ Status: "closed" });
    await channel.update({ Status: "inactive", Routing: { status: "closed" } });
    await emulator.flushWebhooks();

    expect(surveys.map((e) => [e.InteractionSid, e.ParticipantSid])).toEqual([[interaction.sid, agent.sid]]);
    expect(parked.map((e) => [e.ChannelSid, e.ChannelStatus])).toEqual([[interaction.channel.sid, "inactive"]]);
    // Every event the emulator sent was accepted: the setup's `active` too, with no reaction.
    expect(emulator.webhookDeliveries().map((d) => [d.eventType, d.status])).toEqual([
      ["onChannelStatusUpdated", 204],
      ["onParticipantLeft", 204],
      ["onChannelStatusUpdated", 204],
    ]);
  });

  it("refuses an event with a changed parameter or signed with another token, and reacts to neither", async () => {
    const params = {
      EventType: "onParticipantLeft",
      AccountSid: emulator.credentials.accountSid,
      InteractionSid: `KD${"1".repeat(32)}`,
      ChannelSid: `UO${"1".repeat(32)}`,
      ParticipantSid: `UT${"1".repeat(32)}`,
      ParticipantType: "agent",
    };
    const post = (signature: string, body: Record<string, string>) =>
      handle(
        new Request(URL_, {
          method: "POST",
          body: new URLSearchParams(body),
          headers: { "x-twilio-signature": signature },
        }),
      );
    const signed = await twilioSignature(emulator.credentials.authToken, URL_, params);
    expect((await post(signed, { ...params, ParticipantType: "customer" })).status).toBe(403);
    expect((await post(await twilioSignature("not-the-token", URL_, params), params)).status).toBe(403);
    expect(surveys).toEqual([]);
    expect((await post(signed, params)).status).toBe(204);
    expect(surveys).toHaveLength(1);
  });
});

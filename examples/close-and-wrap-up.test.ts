/**
 * A user's own test of a close-and-wrap-up flow, against the emulator from
 * `twilio-interactions/testing`: no Twilio account, no network, no port.
 * The code under test is `endConversation` below; the test asserts what it
 * did to the contact centre through `emulator.tasks()`.
 *
 * Run: npx vitest run --config test/vitest.config.mts examples/close-and-wrap-up.test.ts
 */
import { beforeEach, describe, expect, it } from "vitest";
import { type InteractionsClient, type Sid, createInteractionsClient, unwrap } from "twilio-interactions";
import { createEmulator } from "twilio-interactions/testing";

/** The code under test: the agent ends the chat; their task goes to wrap-up, or completes when `complete` is set. */
async function endConversation(
  twilio: InteractionsClient,
  interactionSid: Sid<"KD">,
  channelSid: Sid<"UO">,
  { complete }: { complete: boolean },
) {
  return unwrap(
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
      params: { path: { InteractionSid: interactionSid, Sid: channelSid } },
      body: complete ? { Status: "closed", Routing: { status: "closed" } } : { Status: "closed" },
    }),
  );
}

const emulator = createEmulator({ seed: 1 });
const twilio = createInteractionsClient(emulator.clientOptions);

/** An agent-initiated SMS conversation, as the application would start it. */
async function startConversation() {
  return unwrap(
    twilio.flex.POST("/v1/Interactions", {
      body: {
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
            attributes: { customerName: "Ada" },
          },
        },
      },
    }),
  );
}

describe("ending a conversation", () => {
  beforeEach(() => emulator.reset());

  it("puts the agent into wrap-up, then closing the channel completes the task", async () => {
    const interaction = await startConversation();
    const path = { InteractionSid: interaction.sid, ChannelSid: interaction.channel.sid };
    const { participants } = await unwrap(
      twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", { params: { path } }),
    );
    const agent = participants.find((p) => p.type === "agent")!;
    await unwrap(
      twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants/{Sid}", {
        params: { path: { ...path, Sid: agent.sid } },
        body: { Status: "wrapup" },
      }),
    );
    const [task] = emulator.tasks({ interactionSid: interaction.sid });
    expect(task).toMatchObject({ status: "wrapping", sid: agent.routing_properties?.task_sid });

    const channel = await endConversation(twilio, interaction.sid, interaction.channel.sid, { complete: true });
    expect(channel.status).toBe("closed");
    expect(emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
  });

  it("closing without completing leaves the agent's task in wrap-up", async () => {
    const interaction = await startConversation();
    await endConversation(twilio, interaction.sid, interaction.channel.sid, { complete: false });
    expect(emulator.tasks()).toMatchObject([{ status: "wrapping", workerSid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }]);
  });

  it("completes the task at once when asked to", async () => {
    const interaction = await startConversation();
    await endConversation(twilio, interaction.sid, interaction.channel.sid, { complete: true });
    expect(emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
  });

  it("survives Twilio's rate limiting: the client retries a scripted 429", async () => {
    const interaction = await startConversation();
    emulator.fail({ operation: "UpdateInteractionChannel", status: 429, retryAfterSeconds: 0 });
    await endConversation(twilio, interaction.sid, interaction.channel.sid, { complete: true });
    expect(emulator.requests().map((r) => r.status)).toEqual([200, 429, 200]);
  });
});

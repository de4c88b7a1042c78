/**
 * Invites an existing channel to a queue: Twilio creates a new TaskRouter
 * task for the channel, for example to bring a parked conversation back to
 * the agents. The new task does not inherit the attributes of earlier tasks,
 * so send every attribute it needs again.
 *
 * Run: npx tsx examples/invite-to-queue.ts
 * Reads: TWILIO_INTERACTION_SID, TWILIO_CHANNEL_SID, TWILIO_WORKSPACE_SID, TWILIO_WORKFLOW_SID,
 * TWILIO_QUEUE_SID, and the client variables (see "Examples" in README.md).
 * Optional: TWILIO_CUSTOMER_NAME (default "first last").
 */
import type { InteractionsClient, Sid, FlexApi } from "twilio-interactions";
import type { AgentRouting } from "./create-outbound-sms";
import { clientFromEnv, runIfMain, sidFromEnv, textFromEnv } from "./support/standalone";

/** Where the new task goes: any agent of the queue picks it up. */
export type QueueRouting = Omit<AgentRouting, "workerSid">;

/**
 * Creates the invite and returns it; `invite.routing.properties` is the new task.
 *
 * @example
 * ```ts
 * const invite = await inviteToQueue(twilio, interactionSid, channelSid, routing, { customerName: "first last" });
 * console.log(invite.sid, invite.routing?.properties.sid);
 * ```
 */
export async function inviteToQueue(
  twilio: InteractionsClient,
  interactionSid: Sid<"KD">,
  channelSid: Sid<"UO">,
  routing: QueueRouting,
  attributes: FlexApi.TaskAttributes,
): Promise<FlexApi.InteractionChannelInvite> {
  return twilio.flex
    .interactions(interactionSid)
    .channels(channelSid)
    .invites.create({
      Routing: {
        properties: {
          workspace_sid: routing.workspaceSid,
          workflow_sid: routing.workflowSid,
          queue_sid: routing.queueSid,
          task_channel_unique_name: "sms",
          attributes,
        },
      },
    });
}

runIfMain(import.meta.url, async () => {
  const invite = await inviteToQueue(
    clientFromEnv(),
    sidFromEnv("TWILIO_INTERACTION_SID", "KD"),
    sidFromEnv("TWILIO_CHANNEL_SID", "UO"),
    {
      workspaceSid: sidFromEnv("TWILIO_WORKSPACE_SID", "WS"),
      workflowSid: sidFromEnv("TWILIO_WORKFLOW_SID", "WW"),
      queueSid: sidFromEnv("TWILIO_QUEUE_SID", "WQ"),
    },
    { customerName: textFromEnv("TWILIO_CUSTOMER_NAME", "first last") },
  );
  console.log(`Invite ${invite.sid} created task ${invite.routing?.properties.sid ?? "(not reported)"}`);
});

/**
 * The agent-initiated outbound SMS of Twilio's Interactions API docs: creates
 * an interaction whose SMS channel reaches the customer and whose TaskRouter
 * task is reserved for one agent. Twilio sets the channel up asynchronously;
 * fetch the interaction and its channels to follow it.
 *
 * Run: npx tsx examples/create-outbound-sms.ts
 * Reads: TWILIO_CUSTOMER_NUMBER, TWILIO_FLEX_NUMBER, TWILIO_WORKSPACE_SID, TWILIO_WORKFLOW_SID,
 * TWILIO_QUEUE_SID, TWILIO_WORKER_SID, and the client variables (see "Examples" in README.md).
 * Optional: TWILIO_CUSTOMER_NAME (default "first last").
 */
import type { InteractionsClient, Sid, FlexApi } from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv, textFromEnv } from "./support/standalone";

/** The TaskRouter resources that route an agent-initiated task. */
export interface AgentRouting {
  workspaceSid: Sid<"WS">;
  workflowSid: Sid<"WW">;
  queueSid: Sid<"WQ">;
  /** The agent who starts the conversation: the task is reserved for this worker. */
  workerSid: Sid<"WK">;
}

/** Who the SMS goes to and from. */
export interface SmsParties {
  /** The customer's number, for example `+12345678910`. */
  customerNumber: string;
  /** Your Twilio number that the customer sees, for example `+19255551234`. */
  twilioNumber: string;
  /** Shown to the agent in Flex and stored by Flex Insights. */
  customerName: string;
}

/**
 * Creates the interaction and returns it (`interaction.sid` is its `KD…` SID).
 *
 * @example
 * ```ts
 * const interaction = await createOutboundSms(twilio, routing, {
 *   customerNumber: "+12345678910",
 *   twilioNumber: "+19255551234",
 *   customerName: "first last",
 * });
 * ```
 */
export async function createOutboundSms(
  twilio: InteractionsClient,
  routing: AgentRouting,
  sms: SmsParties,
): Promise<FlexApi.Interaction> {
  return twilio.flex.interactions.create({
    // Objects, not JSON strings: the SDK encodes Channel and Routing into the form body.
    Channel: {
      type: "sms",
      initiated_by: "agent",
      participants: [{ address: sms.customerNumber, proxy_address: sms.twilioNumber }],
    },
    Routing: {
      properties: {
        workspace_sid: routing.workspaceSid,
        workflow_sid: routing.workflowSid,
        queue_sid: routing.queueSid,
        worker_sid: routing.workerSid,
        task_channel_unique_name: "sms",
        attributes: { customerName: sms.customerName, customerAddress: sms.customerNumber },
      },
    },
  });
}

/**
 * The TaskRouter SIDs from `TWILIO_WORKSPACE_SID`, `TWILIO_WORKFLOW_SID`,
 * `TWILIO_QUEUE_SID` and `TWILIO_WORKER_SID`.
 *
 * @example
 * ```ts
 * const routing = agentRoutingFromEnv();
 * ```
 */
export function agentRoutingFromEnv(): AgentRouting {
  return {
    workspaceSid: sidFromEnv("TWILIO_WORKSPACE_SID", "WS"),
    workflowSid: sidFromEnv("TWILIO_WORKFLOW_SID", "WW"),
    queueSid: sidFromEnv("TWILIO_QUEUE_SID", "WQ"),
    workerSid: sidFromEnv("TWILIO_WORKER_SID", "WK"),
  };
}

/**
 * The parties from `TWILIO_CUSTOMER_NUMBER`, `TWILIO_FLEX_NUMBER` and
 * (optional) `TWILIO_CUSTOMER_NAME`.
 *
 * @example
 * ```ts
 * const sms = smsPartiesFromEnv();
 * ```
 */
export function smsPartiesFromEnv(): SmsParties {
  return {
    customerNumber: textFromEnv("TWILIO_CUSTOMER_NUMBER"),
    twilioNumber: textFromEnv("TWILIO_FLEX_NUMBER"),
    customerName: textFromEnv("TWILIO_CUSTOMER_NAME", "first last"),
  };
}

runIfMain(import.meta.url, async () => {
  const interaction = await createOutboundSms(clientFromEnv(), agentRoutingFromEnv(), smsPartiesFromEnv());
  console.log(`Created interaction ${interaction.sid} with channel ${interaction.channel.sid}`);
});

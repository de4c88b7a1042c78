// The values of the seed scenario (the agent-initiated outbound SMS of
// Twilio's Interactions API overview), shared by the runtime and integration tests.
import type { FlexApi } from "twilio-interactions";
import type { AgentRouting, SmsParties } from "../../examples/create-outbound-sms";

export const SEED_ROUTING: AgentRouting = {
  workspaceSid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  workflowSid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  queueSid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  workerSid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};

export const SEED_SMS: SmsParties = {
  customerNumber: "+12345678910",
  twilioNumber: "+19255551234",
  customerName: "first last",
};

/** The seed's `Channel` form field, as an object. */
export const SEED_CHANNEL: FlexApi.AgentChannelParams = {
  type: "sms",
  initiated_by: "agent",
  participants: [{ address: SEED_SMS.customerNumber, proxy_address: SEED_SMS.twilioNumber }],
};

/**
 * The seed's `Routing` form field, as an object. The seed gives the task a
 * `customerAddress` other than the number the SMS goes to; the examples use
 * the customer's number for both.
 */
export const SEED_ROUTING_PARAMS: FlexApi.AgentRoutingParams = {
  properties: {
    workspace_sid: SEED_ROUTING.workspaceSid,
    workflow_sid: SEED_ROUTING.workflowSid,
    queue_sid: SEED_ROUTING.queueSid,
    worker_sid: SEED_ROUTING.workerSid,
    task_channel_unique_name: "sms",
    attributes: { customerName: SEED_SMS.customerName, customerAddress: SEED_SMS.customerNumber },
  },
};

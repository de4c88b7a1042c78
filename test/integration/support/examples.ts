// The table of examples/ the example tests share: for each file, how to run its
// exported function and check what it sent, and how it runs on its own (the
// variables its header names and what it prints).
import { readFileSync, readdirSync } from "node:fs";
import { expect } from "vitest";
import type { InteractionsClient, Sid } from "twilio-interactions";
import { addSmsParticipant } from "../../../examples/add-participant";
import { cleanupSession } from "../../../examples/cleanup-proxy-session";
import { closeChannel } from "../../../examples/close-channel";
import { createOutboundSms } from "../../../examples/create-outbound-sms";
import { deleteProxyInteraction } from "../../../examples/delete-proxy-interaction";
import { registerFlexEvents } from "../../../examples/flex-events";
import { inviteToQueue } from "../../../examples/invite-to-queue";
import { listProxyInteractions } from "../../../examples/list-proxy-interactions";
import { transferToQueue } from "../../../examples/transfer-to-queue";
import { wrapUpAgents } from "../../../examples/wrap-up-agent";
import {
  CHANNEL_SID,
  INTERACTION_SID,
  PARTICIPANT_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../../helpers/fixtures";
import type { SentRequest } from "./recording-client";
import { SEED_CHANNEL, SEED_ROUTING, SEED_ROUTING_PARAMS, SEED_SMS } from "../../helpers/seed";
import { formFields, operationOf } from "./wire";

const SESSION = { serviceSid: SERVICE_SID, sessionSid: SESSION_SID } as const;
const FLEX_INSTANCE_SID: Sid<"GO"> = "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

// Values of every variable an example may read, for the standalone runs.
export const VARIABLES: Record<string, string> = {
  TWILIO_WORKSPACE_SID: SEED_ROUTING.workspaceSid,
  TWILIO_WORKFLOW_SID: SEED_ROUTING.workflowSid,
  TWILIO_QUEUE_SID: SEED_ROUTING.queueSid,
  TWILIO_WORKER_SID: SEED_ROUTING.workerSid,
  TWILIO_CUSTOMER_NUMBER: SEED_SMS.customerNumber,
  TWILIO_FLEX_NUMBER: SEED_SMS.twilioNumber,
  TWILIO_PARTICIPANT_NUMBER: "+15557654321",
  TWILIO_INTERACTION_SID: INTERACTION_SID,
  TWILIO_CHANNEL_SID: CHANNEL_SID,
  TWILIO_PARTICIPANT_SID: PARTICIPANT_SID,
  TWILIO_PROXY_SERVICE_SID: SERVICE_SID,
  TWILIO_PROXY_SESSION_SID: SESSION_SID,
  TWILIO_PROXY_INTERACTION_SID: PROXY_INTERACTION_SID,
  TWILIO_FLEX_INSTANCE_SID: FLEX_INSTANCE_SID,
  TWILIO_EVENTS_URL: "https://example.org/flex-events",
};

export interface Example {
  /** Runs the example's function and checks its result and what it sent. */
  run(twilio: InteractionsClient, sent: SentRequest[]): Promise<void>;
  /** The variables its header says it reads (besides the client's). */
  reads: string[];
  args?: string[];
  /** What it prints when run on its own against the mock. */
  prints: RegExp;
}

const operations = (sent: SentRequest[]) => sent.map((request) => operationOf(request).operationId);
const json = (request: SentRequest, field: string) => JSON.parse(String(formFields(request.body)[field])) as unknown;

export const EXAMPLES: Record<string, Example> = {
  "flex-events.ts": {
    async run(twilio, sent) {
      const webhook = await registerFlexEvents(twilio, FLEX_INSTANCE_SID, "https://example.org/flex-events");
      expect(webhook.ttid).toMatch(/^flex_interactionwebhook_/);
      expect(operations(sent)).toEqual(["CreateInteractionWebhook"]);
      expect(new URLSearchParams(sent[0]!.body).getAll("WebhookEvents")).toEqual([
        "onParticipantLeft",
        "onChannelStatusUpdated",
      ]);
    },
    reads: ["TWILIO_FLEX_INSTANCE_SID", "TWILIO_EVENTS_URL"],
    prints: /^Registered webhook flex_interactionwebhook_[0-9a-z]+ for /m,
  },
  "create-outbound-sms.ts": {
    async run(twilio, sent) {
      const interaction = await createOutboundSms(twilio, SEED_ROUTING, SEED_SMS);
      expect(interaction.sid).toMatch(/^KD[0-9a-f]{32}$/);
      expect(operations(sent)).toEqual(["CreateInteraction"]);
      // The seed's request (Twilio's Interactions API overview), the customer's number as customerAddress.
      expect(json(sent[0]!, "Channel")).toEqual(SEED_CHANNEL);
      expect(json(sent[0]!, "Routing")).toEqual(SEED_ROUTING_PARAMS);
    },
    reads: [
      "TWILIO_CUSTOMER_NUMBER",
      "TWILIO_FLEX_NUMBER",
      "TWILIO_WORKSPACE_SID",
      "TWILIO_WORKFLOW_SID",
      "TWILIO_QUEUE_SID",
      "TWILIO_WORKER_SID",
    ],
    prints: /^Created interaction KD[0-9a-f]{32} with channel UO[0-9a-f]{32}$/m,
  },
  "add-participant.ts": {
    async run(twilio, sent) {
      const participant = await addSmsParticipant(twilio, INTERACTION_SID, CHANNEL_SID, "+15557654321", "+19255551234");
      expect(participant.sid).toMatch(/^UT/);
      expect(operations(sent)).toEqual(["CreateInteractionChannelParticipant"]);
      expect(formFields(sent[0]!.body).Type).toBe("external");
      expect(json(sent[0]!, "MediaProperties")).toEqual({ address: "+15557654321", proxy_address: "+19255551234" });
    },
    reads: ["TWILIO_INTERACTION_SID", "TWILIO_CHANNEL_SID", "TWILIO_PARTICIPANT_NUMBER", "TWILIO_FLEX_NUMBER"],
    prints: /^Added participant UT[0-9a-f]{32} \(\w+\)$/m,
  },
  "invite-to-queue.ts": {
    async run(twilio, sent) {
      const invite = await inviteToQueue(twilio, INTERACTION_SID, CHANNEL_SID, SEED_ROUTING, {
        customerName: "first last",
      });
      expect(invite.sid).toMatch(/^KG/);
      expect(operations(sent)).toEqual(["CreateInteractionChannelInvite"]);
      expect(json(sent[0]!, "Routing")).toEqual({
        properties: {
          workspace_sid: SEED_ROUTING.workspaceSid,
          workflow_sid: SEED_ROUTING.workflowSid,
          queue_sid: SEED_ROUTING.queueSid,
          task_channel_unique_name: "sms",
          attributes: { customerName: "first last" },
        },
      });
    },
    reads: [
      "TWILIO_INTERACTION_SID",
      "TWILIO_CHANNEL_SID",
      "TWILIO_WORKSPACE_SID",
      "TWILIO_WORKFLOW_SID",
      "TWILIO_QUEUE_SID",
    ],
    prints: /^Invite KG[0-9a-f]{32} created task WT[0-9a-f]{32}$/m,
  },
  "wrap-up-agent.ts": {
    async run(twilio, sent) {
      const agents = await wrapUpAgents(twilio, INTERACTION_SID, CHANNEL_SID);
      // The mock's participant list holds a customer and one agent: only the agent is wrapped up.
      expect(agents.map((agent) => agent.type)).toEqual(["agent"]);
      expect(operations(sent)).toEqual(["ListInteractionChannelParticipant", "UpdateInteractionChannelParticipant"]);
      expect(sent[1]!.url.pathname).toMatch(/\/Participants\/UTb{32}$/);
      expect(formFields(sent[1]!.body)).toEqual({ Status: "wrapup" });
    },
    reads: ["TWILIO_INTERACTION_SID", "TWILIO_CHANNEL_SID"],
    prints: /^In wrap-up: UTb{32}$/m,
  },
  "close-channel.ts": {
    async run(twilio, sent) {
      const toWrapUp = await closeChannel(twilio, INTERACTION_SID, CHANNEL_SID, { completeTasks: false });
      const completed = await closeChannel(twilio, INTERACTION_SID, CHANNEL_SID, { completeTasks: true });
      expect([toWrapUp.status, completed.status]).toEqual(["closed", "closed"]);
      expect(operations(sent)).toEqual(["UpdateInteractionChannel", "UpdateInteractionChannel"]);
      expect(formFields(sent[0]!.body)).toEqual({ Status: "closed" });
      expect(formFields(sent[1]!.body)).toEqual({ Status: "closed", Routing: '{"status":"closed"}' });
    },
    reads: ["TWILIO_INTERACTION_SID", "TWILIO_CHANNEL_SID"],
    args: ["--complete-tasks"],
    prints: /^Channel UO[0-9a-f]{32} is closed; its tasks are completed\.$/m,
  },
  "list-proxy-interactions.ts": {
    async run(twilio, sent) {
      const all = await listProxyInteractions(twilio, SESSION);
      expect(all.map((interaction) => interaction.type)).toEqual(["message", "voice"]);
      const first = await listProxyInteractions(twilio, SESSION, 1);
      expect(first.map((interaction) => interaction.sid)).toEqual([all[0]!.sid]);
      expect(operations(sent)).toEqual(["ListProxyInteraction", "ListProxyInteraction"]);
      expect(sent[1]!.url.searchParams.get("PageSize")).toBe("1");
    },
    reads: ["TWILIO_PROXY_SERVICE_SID", "TWILIO_PROXY_SESSION_SID"],
    prints: /^KIa{32} message .*\nKIb{32} voice .*\n2 interaction\(s\)$/m,
  },
  "transfer-to-queue.ts": {
    async run(twilio, sent) {
      const channel = { interactionSid: INTERACTION_SID, channelSid: CHANNEL_SID };
      const outcome = await transferToQueue(twilio, channel, PARTICIPANT_SID, SEED_ROUTING.queueSid, "cold");
      expect(outcome.invite.sid).toMatch(/^KG/);
      // The tasks, then the first agent's among them; in the mock's example UTaaaa… has none, so the
      // interaction's own task is copied, and nothing says the agent is done, so the update goes.
      expect(operations(sent)).toEqual([
        "FetchInteraction",
        "ListInteractionChannelInvite",
        "ListInteractionChannelParticipant",
        "CreateInteractionChannelInvite",
        "ListInteractionChannelParticipant",
        "UpdateInteractionChannelParticipant",
      ]);
      expect(formFields(sent[5]!.body)).toEqual({ Status: "wrapup" });
      const invite = sent.find((request) => operationOf(request).operationId === "CreateInteractionChannelInvite")!;
      const routing = json(invite, "Routing") as {
        properties: { queue_sid: string; attributes: Record<string, unknown> };
      };
      expect(routing.properties.queue_sid).toBe(SEED_ROUTING.queueSid);
      expect(routing.properties.attributes).toMatchObject({ transferReason: "customer asked for billing" });
    },
    reads: ["TWILIO_INTERACTION_SID", "TWILIO_CHANNEL_SID", "TWILIO_PARTICIPANT_SID", "TWILIO_QUEUE_SID"],
    prints: /^Invite KG[0-9a-f]{32} sent with \d+ task attributes; the first agent /m,
  },
  "cleanup-proxy-session.ts": {
    async run(twilio, sent) {
      const dry = await cleanupSession(twilio, SESSION, { dryRun: true, messagesOnly: false });
      expect(operations(sent)).toEqual(["ListProxyInteraction"]);
      const lines: string[] = [];
      const summary = await cleanupSession(twilio, SESSION, { dryRun: false, messagesOnly: true }, (l) =>
        lines.push(l),
      );
      expect(summary.deleted).toHaveLength(1);
      expect(dry.matched).toHaveLength(2);
      expect(operations(sent)).toEqual(["ListProxyInteraction", "ListProxyInteraction", "DeleteProxyInteraction"]);
      expect(lines.at(-1)).toBe("1/1 done");
    },
    reads: ["TWILIO_PROXY_SERVICE_SID", "TWILIO_PROXY_SESSION_SID"],
    args: ["--dry-run"],
    prints: /^Would delete 2 of 2 interactions; 0 failed\.$/m,
  },
  "delete-proxy-interaction.ts": {
    async run(twilio, sent) {
      expect(await deleteProxyInteraction(twilio, SESSION, PROXY_INTERACTION_SID)).toBe(204);
      expect(operations(sent)).toEqual(["DeleteProxyInteraction"]);
    },
    reads: ["TWILIO_PROXY_SERVICE_SID", "TWILIO_PROXY_SESSION_SID", "TWILIO_PROXY_INTERACTION_SID"],
    prints: /^Deleted interaction KI[0-9a-f]{32} \(HTTP 204\)$/m,
  },
};

const EXAMPLES_DIR = new URL("../../../examples/", import.meta.url);
// *.test.ts examples are users' own vitest files: vitest runs them, not this suite.
export const files = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

// The variables named in a file's header between "Reads:" and "the client variables".
export function declaredVariables(file: string): string[] {
  const header = readFileSync(new URL(file, EXAMPLES_DIR), "utf8").split("*/")[0]!;
  const reads = /Reads:([\s\S]*?)the client\s+(?:\*\s+)?variables/.exec(header)?.[1] ?? "";
  return reads.match(/TWILIO_[A-Z_]+/g) ?? [];
}

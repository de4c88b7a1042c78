// Transfers to a queue or a worker. An invite creates a new task without the
// original task's attributes, so the transfer sends them again (with the
// Insights conversation id, or Insights splits the contact in two) and merges
// what the caller adds; only then does the first agent leave.
import type {
  InteractionChannelInvite,
  InteractionChannelParticipant,
  InteractionRoutingParams,
  TaskAttributes,
} from "../../generated/flex";
import type { InteractionChannelHandle } from "../../generated/flex-resources";
import { TwilioValidationError } from "../errors";
import type { Sid } from "../sid";
import { type ChannelLike, type FlowClient, channelOf } from "./client";
import { type ParticipantOutcome, type TaskEnding, closeParticipant } from "./close";
import { type PollOptions, poll } from "./poll";
import { decodeTaskAttributes } from "./task-attributes";
import { channelTasks, participantTask } from "./tasks";

/**
 * Where a transfer goes: a queue, or one worker (optionally through a queue).
 * If that one worker declines, the invite's task has nobody: a warm transfer
 * keeps the first agent until someone joins.
 *
 * @example
 * ```ts
 * const to: TransferTarget = { workerSid: "WK…", queueSid: "WQ…" };
 * ```
 */
export type TransferTarget =
  { readonly queueSid: Sid<"WQ"> } | { readonly workerSid: Sid<"WK">; readonly queueSid?: Sid<"WQ"> };

/**
 * Options of {@link transfer}: the target, warm or cold, the first agent, and
 * what to add to the new task.
 *
 * @example
 * ```ts
 * const options: TransferOptions = { to: { queueSid: "WQ…" }, mode: "cold", from: agent.sid };
 * ```
 */
export interface TransferOptions extends PollOptions {
  /** The queue or worker that receives the contact. */
  readonly to: TransferTarget;
  /**
   * `cold`: the first agent leaves as soon as the invite is accepted by Twilio.
   * `warm`: the first agent stays until a new agent joins the channel (when
   * `from` is given, the flow waits for that, bounded by `timeoutMs`, then
   * lets the first agent leave; without `from` it only sends the invite).
   */
  readonly mode: "warm" | "cold";
  /** The first agent's participant (`UT…`). Required for a cold transfer. */
  readonly from?: Sid<"UT">;
  /** How the first agent leaves: their task into wrap-up (`wrapup`, default) or completed (`complete`). */
  readonly fromLeavesWith?: TaskEnding;
  /** Attributes to add to the new task; merged over the original task's (`conversations` key by key). */
  readonly attributes?: TaskAttributes;
  /** Workspace of the new task; defaults to the original task's. */
  readonly workspaceSid?: Sid<"WS">;
  /** Workflow of the new task; defaults to the original task's. */
  readonly workflowSid?: Sid<"WW">;
  /** Task channel of the new task; defaults to the original task's. */
  readonly taskChannelUniqueName?: string;
  /** Priority of the new task in its queue. */
  readonly priority?: number;
}

/**
 * What a transfer did: the invite, the attributes it carried, who joined and
 * how the first agent left.
 *
 * @example
 * ```ts
 * const { invite, joined } = await transfer(twilio, interaction, options);
 * ```
 */
export interface TransferOutcome {
  /** The invite that created the new task. */
  readonly invite: InteractionChannelInvite;
  /** The attributes sent with the invite: the original task's with the caller's merged in. */
  readonly attributes: TaskAttributes;
  /** The agent who joined, for a warm transfer with `from`. */
  readonly joined?: InteractionChannelParticipant;
  /** How the first agent left, when `from` was given. */
  readonly from?: ParticipantOutcome;
}

// Keys that belong to one task and that Twilio sets again on the new one.
const PER_TASK_KEYS = ["flexChannelInviteSid"] as const;

/**
 * The attributes for the new task: the original task's, minus the keys
 * Twilio sets per task, with `conversations.conversation_id` kept (the
 * original task's SID when it had none, as Flex does), then the caller's
 * additions merged over them. {@link transfer} sends these; use it to
 * build your own invite.
 *
 * @example
 * ```ts
 * const attributes = transferAttributes(taskAttributesOf(interaction), interaction.routing?.properties.sid, { vip: true });
 * ```
 */
export function transferAttributes(
  original: TaskAttributes,
  originalTaskSid: string | undefined,
  additions: TaskAttributes = {},
): TaskAttributes {
  const copied: TaskAttributes = { ...original };
  for (const key of PER_TASK_KEYS) delete copied[key];
  const conversationId = original.conversations?.conversation_id ?? originalTaskSid;
  const conversations = {
    ...original.conversations,
    ...(conversationId ? { conversation_id: conversationId } : {}),
    ...additions.conversations,
  };
  return { ...copied, ...additions, conversations };
}

// Task statuses of an agent who has left the contact.
const LEFT = ["wrapping", "completed", "canceled"];

// The newest invite whose task goes to `to`, if any.
async function inviteTo(
  channel: InteractionChannelHandle,
  to: TransferTarget,
  options: { signal?: AbortSignal },
): Promise<InteractionChannelInvite | undefined> {
  let found: InteractionChannelInvite | undefined;
  for await (const invite of channel.invites.list(undefined, options)) {
    const task = invite.routing?.properties;
    const queue = to.queueSid === undefined || task?.queue_sid === to.queueSid;
    const worker = !("workerSid" in to) || task?.routing_target === to.workerSid;
    if (task && queue && worker) found = invite;
  }
  return found;
}

async function agentsOf(
  channel: InteractionChannelHandle,
  signal?: AbortSignal,
): Promise<InteractionChannelParticipant[]> {
  const agents: InteractionChannelParticipant[] = [];
  for await (const participant of channel.participants.list(undefined, { signal })) {
    if (participant.type === "agent") agents.push(participant);
  }
  return agents;
}

/**
 * Transfers a channel to a queue or a worker, warm or cold, with an invite
 * that carries the attributes of the task being handed over (the `from`
 * agent's, else the interaction's own) plus `attributes`. The first
 * agent leaves only after Twilio accepted the invite: a refused invite throws
 * its error and leaves the channel and the first agent as they were. Called
 * again with the same `from` and `to` once the first agent has left, it finds
 * its invite and sends nothing more; without `from` every call invites anew.
 *
 * Requests: GET the interaction and the channel's invites (every page) for
 * the task being handed over, and with `from` the channel's participants;
 * when the `from` agent has already left, GET the invites to find an earlier
 * one to the same target (and stop there if there is one); for a warm
 * transfer with `from`, GET the participants once before the invite; POST
 * the invite with `Routing`; for a warm transfer, GET the
 * participants until a new agent joins (with backoff, up to `timeoutMs`);
 * then, with `from`, what {@link closeParticipant} sends.
 *
 * @example
 * ```ts
 * // Cold: to the billing queue; the first agent goes into wrap-up at once.
 * await transfer(twilio, interaction, { to: { queueSid: "WQ…" }, mode: "cold", from: agent.sid });
 * // Warm: the first agent stays until the new one joins, then completes their task.
 * await transfer(twilio, interaction, {
 *   to: { workerSid: "WK…" }, mode: "warm", from: agent.sid, fromLeavesWith: "complete",
 *   attributes: { transferReason: "billing question" },
 * });
 * ```
 */
export async function transfer(
  twilio: FlowClient,
  channel: ChannelLike,
  options: TransferOptions,
): Promise<TransferOutcome> {
  if (options.mode === "cold" && !options.from) {
    throw new TwilioValidationError(
      "from",
      "A cold transfer needs `from`, the participant (UT…) of the agent who leaves.",
    );
  }
  const handle = channelOf(twilio, channel);
  const call = { signal: options.signal };
  // The task being handed over: the first agent's, else the interaction's own.
  const tasks = await channelTasks(twilio, channel, call);
  const fromTask = options.from && (await participantTask(twilio, channel, options.from, call, tasks));
  if (fromTask && LEFT.includes(fromTask.assignment_status ?? "")) {
    // The first agent has left: when an invite to this target exists, this transfer was made already
    // (a retry after a lost answer, say), and a second invite would offer the contact twice.
    const earlier = await inviteTo(handle, options.to, call);
    if (earlier) {
      const from = { changed: false, taskStatus: fromTask.assignment_status! };
      return { invite: earlier, attributes: decodeTaskAttributes(earlier.routing?.properties.attributes), from };
    }
  }
  const task = fromTask || tasks[0];
  const workspaceSid = options.workspaceSid ?? task?.workspace_sid;
  if (!workspaceSid) {
    throw new TwilioValidationError(
      "workspaceSid",
      "The interaction has no routing to copy the workspace from; pass `workspaceSid` (WS…).",
    );
  }
  const attributes = transferAttributes(decodeTaskAttributes(task?.attributes), task?.sid, options.attributes);
  const workflowSid = options.workflowSid ?? task?.workflow_sid;
  const taskChannel = options.taskChannelUniqueName ?? task?.task_channel_unique_name;
  const routing: InteractionRoutingParams = {
    properties: {
      workspace_sid: workspaceSid,
      ...(workflowSid ? { workflow_sid: workflowSid } : {}),
      ...(options.to.queueSid ? { queue_sid: options.to.queueSid } : {}),
      ...("workerSid" in options.to ? { worker_sid: options.to.workerSid } : {}),
      ...(taskChannel ? { task_channel_unique_name: taskChannel } : {}),
      ...(options.priority === undefined ? {} : { priority: options.priority }),
      attributes,
    },
  };

  const before = options.mode === "warm" && options.from ? await agentsOf(handle, options.signal) : [];
  const invite = await handle.invites.create({ Routing: routing }, call);
  if (!options.from) return { invite, attributes };

  let joined: InteractionChannelParticipant | undefined;
  if (options.mode === "warm") {
    const known = new Set(before.map((agent) => agent.sid));
    joined = await poll(
      async (signal) => (await agentsOf(handle, signal)).find((agent) => !known.has(agent.sid)),
      options,
      () => "a new agent to join the channel",
    );
  }
  const from = await closeParticipant(twilio, channel, options.from, {
    ...call,
    task: options.fromLeavesWith ?? "wrapup",
  });
  return { invite, attributes, ...(joined ? { joined } : {}), from };
}

// Ending a contact: the channel for everyone (close or leave), or one agent's
// part of it. The caller says what becomes of the tasks, since that is what
// tells Twilio's requests apart. Each flow is safe to call again: a channel or
// an agent already where the call would take it is left alone, and a refusal
// that means "already done" counts as done.
import type { ChannelStatus, InteractionChannel, InteractionChannelParticipant } from "../../generated/flex";
import type { UpdateInteractionChannelParams } from "../../generated/flex-resources";
import { TwilioApiError, TwilioValidationError } from "../errors";
import type { Sid } from "../sid";
import { type ChannelLike, type FlowCallOptions, type FlowClient, channelOf } from "./client";
import { agentTaskStatus } from "./tasks";

/**
 * What becomes of tasks when a flow ends them: `wrapup` puts them into
 * wrap-up (the agent completes them afterwards, in Flex UI); `complete`
 * completes them at once.
 *
 * @example
 * ```ts
 * const tasks: TaskEnding = "wrapup";
 * ```
 */
export type TaskEnding = "wrapup" | "complete";

/**
 * Options of {@link closeChannel}: what becomes of the channel's tasks, and the per-request options.
 *
 * @example
 * ```ts
 * await closeChannel(twilio, interaction, { tasks: "complete", signal: AbortSignal.timeout(5_000) });
 * ```
 */
export interface CloseChannelOptions extends FlowCallOptions {
  /** `wrapup`: every task of the channel goes into wrap-up. `complete`: every task is completed. */
  readonly tasks: TaskEnding;
}

/**
 * Options of {@link closeParticipant}: what becomes of the agent's task, and the per-request options.
 *
 * @example
 * ```ts
 * await closeParticipant(twilio, interaction, agent.sid, { task: "wrapup" });
 * ```
 */
export interface CloseParticipantOptions extends FlowCallOptions {
  /** `wrapup`: the agent's task goes into wrap-up. `complete`: it is completed. */
  readonly task: TaskEnding;
}

/**
 * What a channel flow did: `changed` is false when the channel was already in the wanted state.
 *
 * @example
 * ```ts
 * const { changed, channel } = await leaveChannel(twilio, interaction); // channel.status === "inactive"
 * ```
 */
export interface ChannelOutcome {
  readonly changed: boolean;
  readonly channel: InteractionChannel;
}

/**
 * What {@link closeParticipant} did, and what it knew.
 *
 * @example
 * ```ts
 * const { changed, taskStatus } = await closeParticipant(twilio, interaction, agent.sid, { task: "wrapup" });
 * if (taskStatus === "unknown") console.warn("Twilio shows no task for this agent");
 * ```
 */
export interface ParticipantOutcome {
  /**
   * `true` when this call's update was applied; `false` when there was
   * nothing to do: the agent's task was already there (or further), or
   * Twilio refused the update because the agent had already left or
   * wrapped up.
   */
  readonly changed: boolean;
  /**
   * The agent's TaskRouter task status the flow read before acting
   * (`assigned`, `wrapping`, `completed`, …), or `"unknown"` when Twilio
   * shows that task nowhere (an agent added without `RoutingProperties` may
   * get a task no interaction or invite routing lists): then the flow sent
   * the update and went by Twilio's answer.
   */
  readonly taskStatus: string;
  /** The updated participant; absent when nothing changed. */
  readonly participant?: InteractionChannelParticipant;
}

/** Twilio's code for a duplicate completion: what is closed cannot be closed (or wrapped up) again. */
const DUPLICATE_COMPLETION = 80906;

/** A refusal that may mean "already done": a 4xx other than 404, the retried 429 and the credential errors. */
function mayBeAlreadyDone(error: unknown): error is TwilioApiError {
  return error instanceof TwilioApiError && [400, 409, 422].includes(error.status);
}

function checkEnding(value: unknown, name: "tasks" | "task", flow: string): TaskEnding {
  if (value === "wrapup" || value === "complete") return value;
  throw new TwilioValidationError(
    name,
    `${flow} needs { ${name}: "wrapup" } (into wrap-up) or { ${name}: "complete" } (completed), not ${JSON.stringify(value)}.`,
  );
}

async function updateChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  params: UpdateInteractionChannelParams,
  done: readonly ChannelStatus[],
  { signal, timeoutMs, maxRetries }: FlowCallOptions,
): Promise<ChannelOutcome> {
  const options = { signal, timeoutMs, maxRetries };
  const handle = channelOf(twilio, channel);
  const current = await handle.fetch(options);
  if (done.includes(current.status)) return { changed: false, channel: current };
  try {
    return { changed: true, channel: await handle.update(params, options) };
  } catch (error) {
    if (!mayBeAlreadyDone(error)) throw error;
    // Someone else may have closed it between the fetch and the update.
    const now = await handle.fetch(options);
    if (done.includes(now.status)) return { changed: false, channel: now };
    throw error;
  }
}

/**
 * Ends the conversation for everyone and closes the channel, with its tasks
 * put into wrap-up (`tasks: "wrapup"`: agents complete them afterwards) or
 * completed (`tasks: "complete"`). The media channel becomes read-only. A
 * closed channel is left as it is (`changed: false`), so a second call sends
 * no update.
 *
 * Requests: GET the channel; unless it is closed, POST the channel
 * `Status=closed` (with `Routing={"status":"closed"}` for `complete`); if
 * Twilio refuses that, GET the channel again to see whether someone else
 * closed it meanwhile.
 *
 * @example
 * ```ts
 * await closeChannel(twilio, interaction, { tasks: "wrapup" }); // agents wrap up
 * await closeChannel(twilio, { interactionSid, channelSid }, { tasks: "complete" }); // tasks completed
 * ```
 */
export async function closeChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  options: CloseChannelOptions,
): Promise<ChannelOutcome> {
  const tasks = checkEnding(options?.tasks, "tasks", "closeChannel");
  const params: UpdateInteractionChannelParams =
    tasks === "complete" ? { Status: "closed", Routing: { status: "closed" } } : { Status: "closed" };
  return updateChannel(twilio, channel, params, ["closed"], options);
}

/**
 * Leaves the channel inactive and completes its tasks (`Status: inactive`
 * with the `Routing {status: closed}` Twilio requires), so the customer's
 * next message starts a new interaction instead of reaching an orphaned one.
 * An inactive or closed channel is left as it is.
 *
 * Requests: GET the channel; unless it is inactive or closed, POST the
 * channel `Status=inactive` with `Routing={"status":"closed"}`; if Twilio
 * refuses that, GET the channel again.
 *
 * @example
 * ```ts
 * await leaveChannel(twilio, { interactionSid, channelSid });
 * ```
 */
export function leaveChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  options: FlowCallOptions = {},
): Promise<ChannelOutcome> {
  return updateChannel(
    twilio,
    channel,
    { Status: "inactive", Routing: { status: "closed" } },
    ["inactive", "closed"],
    options,
  );
}

// TaskRouter states in which each participant update has nothing left to do.
const PARTICIPANT_DONE: Record<TaskEnding, readonly string[]> = {
  complete: ["completed", "canceled"],
  wrapup: ["wrapping", "completed", "canceled"],
};

/**
 * Ends one agent's part in the contact while the channel and conversation
 * stay open for the others (for example the first agent of a warm transfer):
 * the agent's task goes into wrap-up (`task: "wrapup"`, participant
 * `Status=wrapup`) or is completed (`task: "complete"`, participant
 * `Status=closed`). A second call applies no update and throws nothing: an
 * agent whose task is already there (or further) is left alone, with no
 * update sent; when Twilio shows no task for the agent (`taskStatus:
 * "unknown"`), the update is sent and Twilio's "already done" refusal (error
 * 80906) counts as done.
 *
 * Requests: GET the channel's participants (every page) for the agent's
 * task; GET the interaction, and when the task is not its own, GET the
 * channel's invites (every page), to read that task's status; then, unless
 * it is already done, POST the participant `Status`.
 *
 * @example
 * ```ts
 * await closeParticipant(twilio, interaction, agent.sid, { task: "wrapup" });
 * await closeParticipant(twilio, interaction, firstAgent.sid, { task: "complete" });
 * ```
 */
export async function closeParticipant(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  options: CloseParticipantOptions,
): Promise<ParticipantOutcome> {
  const task = checkEnding(options?.task, "task", "closeParticipant");
  const call = { signal: options.signal, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries };
  const taskStatus = (await agentTaskStatus(twilio, channel, participantSid, call)) ?? "unknown";
  if (PARTICIPANT_DONE[task].includes(taskStatus)) return { changed: false, taskStatus };
  const participants = channelOf(twilio, channel).participants;
  try {
    const Status = task === "complete" ? "closed" : "wrapup";
    return { changed: true, taskStatus, participant: await participants(participantSid).update({ Status }, call) };
  } catch (error) {
    if (error instanceof TwilioApiError && error.status === 400 && error.code === DUPLICATE_COMPLETION)
      return { changed: false, taskStatus };
    throw error;
  }
}

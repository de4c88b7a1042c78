// Ending a contact, one function per intent, each sending the request Twilio
// requires for it and safe to call again: a channel, or an agent's task,
// already in the wanted state is left alone, and a channel refusal because it
// got there meanwhile counts as done.
import type { ChannelStatus, InteractionChannel, InteractionChannelParticipant } from "../../generated/flex";
import type { UpdateInteractionChannelParams } from "../../generated/flex-resources";
import { TwilioApiError } from "../errors";
import type { Sid } from "../sid";
import { type ChannelLike, type FlowCallOptions, type FlowClient, channelOf } from "./client";
import { participantTask } from "./tasks";

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
 * What a participant flow did: `changed` is false when the agent's task was already in that state.
 *
 * @example
 * ```ts
 * const { changed } = await wrapUpParticipant(twilio, interaction, agent.sid);
 * ```
 */
export interface ParticipantOutcome {
  readonly changed: boolean;
  /** The updated participant; absent when nothing changed. */
  readonly participant?: InteractionChannelParticipant;
}

/** A refusal that may mean "already done": a 4xx other than 404, the retried 429 and the credential errors. */
function mayBeAlreadyDone(error: unknown): error is TwilioApiError {
  return error instanceof TwilioApiError && [400, 409, 422].includes(error.status);
}

async function updateChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  params: UpdateInteractionChannelParams,
  done: readonly ChannelStatus[],
  options: FlowCallOptions,
): Promise<ChannelOutcome> {
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
 * Ends the conversation and puts every task of the channel into wrap-up
 * (`Status: closed` without `Routing`); agents then complete their tasks.
 * The media channel becomes read-only. A closed channel is left as it is.
 *
 * @example
 * ```ts
 * const { changed, channel } = await closeChannel(twilio, { interactionSid, channelSid });
 * ```
 */
export function closeChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  options: FlowCallOptions = {},
): Promise<ChannelOutcome> {
  return updateChannel(twilio, channel, { Status: "closed" }, ["closed"], options);
}

/**
 * Ends the conversation and completes every task of the channel
 * (`Status: closed` with `Routing {status: closed}`), skipping wrap-up.
 * A closed channel is left as it is.
 *
 * @example
 * ```ts
 * await completeChannel(twilio, interaction);
 * ```
 */
export function completeChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  options: FlowCallOptions = {},
): Promise<ChannelOutcome> {
  return updateChannel(twilio, channel, { Status: "closed", Routing: { status: "closed" } }, ["closed"], options);
}

/**
 * Leaves the channel inactive and completes its tasks (`Status: inactive`
 * with the `Routing {status: closed}` Twilio requires), so the customer's
 * next message starts a new interaction instead of reaching an orphaned one.
 * An inactive or closed channel is left as it is.
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
const PARTICIPANT_DONE: Record<"closed" | "wrapup", readonly string[]> = {
  closed: ["completed", "canceled"],
  wrapup: ["wrapping", "completed", "canceled"],
};

async function updateParticipant(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  status: "closed" | "wrapup",
  options: FlowCallOptions,
): Promise<ParticipantOutcome> {
  const taskStatus = (await participantTask(twilio, channel, participantSid, options))?.assignment_status;
  if (taskStatus && PARTICIPANT_DONE[status].includes(taskStatus)) return { changed: false };
  const participant = await channelOf(twilio, channel).participants(participantSid).update({ Status: status }, options);
  return { changed: true, participant };
}

/**
 * Puts one agent's reservation into wrap-up (participant `Status: wrapup`);
 * the channel and conversation stay open for the others. A second call is a
 * no-op.
 *
 * @example
 * ```ts
 * await wrapUpParticipant(twilio, interaction, agent.sid);
 * ```
 */
export function wrapUpParticipant(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  options: FlowCallOptions = {},
): Promise<ParticipantOutcome> {
  return updateParticipant(twilio, channel, participantSid, "wrapup", options);
}

/**
 * Completes one agent's task (participant `Status: closed`) while the channel
 * and conversation stay open, for example when the first agent of a warm
 * transfer leaves. A second call is a no-op.
 *
 * @example
 * ```ts
 * await completeParticipant(twilio, interaction, firstAgent.sid);
 * ```
 */
export function completeParticipant(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  options: FlowCallOptions = {},
): Promise<ParticipantOutcome> {
  return updateParticipant(twilio, channel, participantSid, "closed", options);
}

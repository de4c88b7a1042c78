// The TaskRouter tasks of a channel, where the Interactions API shows them:
// the interaction's own task in its routing, and each invite's task in the
// invite's routing. Flows read them to learn an agent's task status and the
// attributes a transfer must copy.
import type { TaskRouterTask } from "../../generated/flex";
import type { Sid } from "../sid";
import { type ChannelLike, type FlowCallOptions, type FlowClient, channelOf, channelRef } from "./client";

/** Every task of the channel that Twilio shows, the interaction's own first. */
export async function channelTasks(
  twilio: FlowClient,
  channel: ChannelLike,
  options: FlowCallOptions,
): Promise<TaskRouterTask[]> {
  const tasks: TaskRouterTask[] = [];
  const own = (await twilio.flex.interactions(channelRef(channel).interactionSid).fetch(options)).routing;
  if (own) tasks.push(own.properties);
  for await (const invite of channelOf(twilio, channel).invites.list(undefined, options)) {
    if (invite.routing) tasks.push(invite.routing.properties);
  }
  return tasks;
}

// The task a participant's `routing_properties` names, if any.
async function taskSidOf(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  options: FlowCallOptions,
): Promise<string | undefined> {
  let taskSid: string | undefined;
  for await (const participant of channelOf(twilio, channel).participants.list(undefined, options)) {
    if (participant.sid === participantSid) taskSid = participant.routing_properties?.task_sid;
  }
  return taskSid;
}

/** The task behind a participant (from its `routing_properties`), if Twilio shows it. */
export async function participantTask(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  options: FlowCallOptions,
  tasks?: TaskRouterTask[],
): Promise<TaskRouterTask | undefined> {
  const taskSid = await taskSidOf(twilio, channel, participantSid, options);
  if (!taskSid) return undefined;
  return (tasks ?? (await channelTasks(twilio, channel, options))).find((task) => task.sid === taskSid);
}

/**
 * The TaskRouter status of an agent participant's task, read where Twilio
 * shows it: the interaction's own routing first, then the invites' (only
 * when needed). `undefined` when the participant names no task or Twilio
 * shows that task nowhere.
 */
export async function agentTaskStatus(
  twilio: FlowClient,
  channel: ChannelLike,
  participantSid: Sid<"UT">,
  options: FlowCallOptions,
): Promise<string | undefined> {
  const taskSid = await taskSidOf(twilio, channel, participantSid, options);
  if (!taskSid) return undefined;
  const own = (await twilio.flex.interactions(channelRef(channel).interactionSid).fetch(options)).routing;
  if (own?.properties.sid === taskSid) return own.properties.assignment_status;
  for await (const invite of channelOf(twilio, channel).invites.list(undefined, options)) {
    if (invite.routing?.properties.sid === taskSid) return invite.routing.properties.assignment_status;
  }
  return undefined;
}

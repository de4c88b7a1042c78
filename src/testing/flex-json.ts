// How the Flex records look on the wire (the spec's response schemas).
import {
  type ChannelRecord,
  type InteractionRecord,
  type InviteRecord,
  type ParticipantRecord,
  type TransferRecord,
  participantSidOf,
} from "./flex-model";
import { JsonText, jsonValue } from "./json-text";
import { taskText } from "./task-json";
import { type TaskRecord, reservationOf } from "./tasks";

export const interactionUrl = (base: string, sid: string) => `${base}/v1/Interactions/${sid}`;
export const channelUrl = (base: string, channel: ChannelRecord) =>
  `${interactionUrl(base, channel.interactionSid)}/Channels/${channel.sid}`;

/** The interaction's `routing` (the task and its reservation), as JSON text: `null` without a task. */
export function routingText(task: TaskRecord | undefined, accountSid: string, now: number, withReservation: boolean) {
  if (!task) return "null";
  const reservation =
    withReservation && task.offered && task.status !== "pending"
      ? `{"sid":${jsonValue(reservationOf(task))},"worker_sid":${jsonValue(task.workerSid)},"reservation_status":"${reservationStatus(task)}"}`
      : "null";
  return `{"reservation":${reservation},"properties":${taskText(task, accountSid, now)}}`;
}

function reservationStatus(task: TaskRecord): string {
  if (task.status === "reserved") return "pending";
  if (task.status === "assigned") return "accepted";
  return task.status;
}

/** An interaction, its channel and `routing` (JSON text from {@link routingText}); SIDs the emulator made are not escaped. */
export function interactionJson(base: string, interaction: InteractionRecord, routing: string): JsonText {
  const url = jsonValue(interactionUrl(base, interaction.interactionSid));
  return new JsonText(
    `{"sid":"${interaction.interactionSid}","channel":{"type":${jsonValue(interaction.type)},"sid":"${interaction.sid}"},` +
      `"routing":${routing},"interaction_context_sid":${jsonValue(interaction.contextSid)},` +
      `"webhook_ttid":${jsonValue(interaction.webhookTtid)},"url":${url},"links":{"channels":${url.slice(0, -1)}/Channels"}}`,
  );
}

export function channelJson(base: string, channel: ChannelRecord) {
  const url = channelUrl(base, channel);
  return {
    sid: channel.sid,
    interaction_sid: channel.interactionSid,
    type: channel.type,
    status: channel.status,
    error_code: channel.error?.code ?? null,
    error_message: channel.error?.message ?? null,
    url,
    links: { participants: `${url}/Participants`, invites: `${url}/Invites`, transfers: `${url}/Transfers` },
  };
}

export function participantJson(base: string, channel: ChannelRecord, participant: ParticipantRecord) {
  return {
    sid: participantSidOf(channel, participant),
    type: participant.type,
    interaction_sid: channel.interactionSid,
    channel_sid: channel.sid,
    url: `${channelUrl(base, channel)}/Participants/${participantSidOf(channel, participant)}`,
    routing_properties: participant.task && {
      task_sid: participant.task.sid,
      worker_sid: participant.task.workerSid,
      reservation_sid: participant.reservationSid ?? reservationOf(participant.task),
    },
  };
}

/** An invite and `routing` (JSON text from {@link routingText}); SIDs the emulator made are not escaped. */
export function inviteJson(base: string, channel: ChannelRecord, invite: InviteRecord, routing: string): JsonText {
  return new JsonText(
    `{"sid":"${invite.sid}","interaction_sid":"${channel.interactionSid}","channel_sid":"${channel.sid}",` +
      `"routing":${routing},` +
      `"url":${jsonValue(`${channelUrl(base, channel)}/Invites/${invite.sid}`)}}`,
  );
}

export function transferJson(
  base: string,
  channel: ChannelRecord,
  transfer: TransferRecord,
  accountSid: string,
  instanceSid: string,
) {
  return {
    sid: transfer.sid,
    instance_sid: instanceSid,
    account_sid: accountSid,
    interaction_sid: channel.interactionSid,
    channel_sid: channel.sid,
    execution_sid: transfer.executionSid,
    type: transfer.type,
    status: transfer.status,
    from: transfer.from,
    to: transfer.to,
    note_sid: null,
    summary_sid: null,
    date_created: new Date(transfer.created).toISOString().replace(/\.\d{3}Z$/, "Z"),
    date_updated: new Date(transfer.updated).toISOString().replace(/\.\d{3}Z$/, "Z"),
    url: `${channelUrl(base, channel)}/Transfers/${transfer.sid}`,
  };
}

// Handlers of what hangs off a channel (F7–F14 of the wire contract):
// participants, invites and transfers.
import { alreadyDone, invalid, notFound } from "./exchange";
import {
  type ChannelRecord,
  type FlexModel,
  type InviteRecord,
  type TransferRecord,
  addTaskSid,
  participantSidOf,
} from "./flex-model";
import { inviteJson, participantJson, routingText, transferJson } from "./flex-json";
import { type Handler, type HandlerContext, jsonField } from "./handler";
import { arraySource, listPage } from "./paging";
import { type TaskRecord, type TaskRouting, isOpen } from "./tasks";

const TRANSFER_TYPES = ["warm", "cold", "external"];
const TRANSFER_STATUSES = ["active", "failed", "completed"];

const channelOf = (model: FlexModel, { input, now }: HandlerContext) =>
  model.writableChannel(input.path.InteractionSid!, input.path.ChannelSid!, now, "sub-resource");
const readChannel = (model: FlexModel, { input, now }: HandlerContext) =>
  model.channel(input.path.InteractionSid!, input.path.ChannelSid!, now);
const listUrl = (ctx: HandlerContext, what: string) =>
  `${ctx.base}/v1/Interactions/${ctx.input.path.InteractionSid}/Channels/${ctx.input.path.ChannelSid}/${what}`;

interface RoutingProperties {
  task_sid?: string;
  worker_sid?: string;
  reservation_sid?: string;
}

// The task an agent joins: the one named, else the newest open one, else a new one (options decide).
function agentTask(
  model: FlexModel,
  channel: ChannelRecord,
  given: RoutingProperties | undefined,
  now: number,
): TaskRecord {
  if (given?.task_sid) {
    const task = model.tasks.get(given.task_sid);
    if (!task || task.channel !== channel)
      throw invalid(
        `Invalid parameter RoutingProperties: task_sid ${given.task_sid} is not a task of channel ${channel.sid}`,
      );
    if (!isOpen(task)) throw invalid(`Invalid parameter RoutingProperties: task ${task.sid} is already ${task.status}`);
    return task;
  }
  if (model.options.agentWithoutRouting === "join-open-task") {
    const open = model.tasksOf(channel).reverse().find(isOpen);
    if (open) return open;
  }
  const task = model.tasks.create(model.defaultRouting(channel), channel, null, now);
  addTaskSid(channel, task.sid);
  return task;
}

function addParticipant(model: FlexModel): Handler {
  return (ctx) => {
    const channel = channelOf(model, ctx);
    const type = ctx.input.body.Type as string;
    if (type !== "agent") return participantJson(ctx.base, channel, model.addParticipant(channel, type, null));
    const given = jsonField<RoutingProperties>(ctx.input, "RoutingProperties");
    const task = agentTask(model, channel, given, ctx.now);
    model.journal.keep(task);
    if (given?.worker_sid && (task.status === "pending" || task.workerSid === null)) task.workerSid = given.worker_sid;
    // The agent is in the conversation: the task is theirs.
    if (task.status === "pending" || task.status === "reserved") model.tasks.move(task, "assigned", ctx.now);
    const participant = model.addParticipant(channel, "agent", task, given?.reservation_sid);
    return participantJson(ctx.base, channel, participant);
  };
}

function listParticipants(model: FlexModel): Handler {
  return (ctx) => {
    const channel = readChannel(model, ctx);
    return listPage(
      arraySource(model.participantsOf(channel), (p) => participantSidOf(channel, p)),
      ctx.input.query,
      listUrl(ctx, "Participants"),
      "participants",
      (p) => participantJson(ctx.base, channel, p),
    );
  };
}

function updateParticipant(model: FlexModel): Handler {
  return (ctx) => {
    const channel = channelOf(model, ctx);
    const sid = ctx.input.path.Sid!;
    const participant = model.participantsOf(channel).find((p) => participantSidOf(channel, p) === sid);
    if (!participant) throw notFound(`Participant ${sid} of channel ${channel.sid}`);
    if (participant.type !== "agent")
      throw invalid(`Participant ${sid} is a ${participant.type}: only agent participants can be updated`);
    const status = ctx.input.body.Status as "closed" | "wrapup";
    if (participant.status === "closed")
      throw alreadyDone(`Participant ${sid} is closed: it has already left the channel`);
    if (participant.status === "wrapup" && status === "wrapup")
      throw alreadyDone(`Participant ${sid} is already in wrap-up`);
    const task = participant.task;
    if (task && status === "wrapup") {
      if (task.status === "pending" || task.status === "reserved")
        throw invalid(`Task ${task.sid} is ${task.status}: only an accepted task can go into wrap-up`);
      model.closeTask(task, "wrapping", ctx.now, "agent wrapped up");
    }
    if (task && status === "closed") model.closeTask(task, "completed", ctx.now, "agent closed");
    model.journal.keep(participant);
    participant.status = status;
    model.events.emit({ type: "participant.status", channelSid: channel.sid, participantSid: sid, to: status });
    return participantJson(ctx.base, channel, participant);
  };
}

function createInvite(model: FlexModel): Handler {
  return (ctx) => {
    const channel = channelOf(model, ctx);
    const routing = jsonField<{ properties: TaskRouting }>(ctx.input, "Routing")!.properties;
    const inviteSid = model.sids.sid("KG");
    const task = model.tasks.create(routing, channel, inviteSid, ctx.now);
    addTaskSid(channel, task.sid);
    // A worker named in the invite is offered a reservation.
    if (task.workerSid !== null) model.tasks.move(task, "reserved", ctx.now);
    const invite: InviteRecord = { sid: inviteSid, taskSid: task.sid };
    (channel.invites ??= []).push(invite);
    model.events.emit({ type: "invite.created", channelSid: channel.sid, inviteSid, taskSid: task.sid });
    return inviteJson(ctx.base, channel, invite, routingText(task, ctx.accountSid, ctx.now, false));
  };
}

function listInvites(model: FlexModel): Handler {
  return (ctx) => {
    const channel = readChannel(model, ctx);
    return listPage(
      arraySource(channel.invites ?? [], (invite) => invite.sid),
      ctx.input.query,
      listUrl(ctx, "Invites"),
      "invites",
      // Parsed back to be listed: invites are seldom listed, and their text is written in one place.
      (invite) =>
        JSON.parse(
          inviteJson(
            ctx.base,
            channel,
            invite,
            routingText(model.tasks.get(invite.taskSid), ctx.accountSid, ctx.now, true),
          ).text,
        ),
    );
  };
}

function oneOf(name: string, value: unknown, allowed: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !allowed.includes(value))
    throw invalid(`Invalid parameter ${name}: must be one of ${allowed.join(", ")}`);
  return value;
}

function createTransfer(model: FlexModel): Handler {
  return (ctx) => {
    const channel = channelOf(model, ctx);
    const body = ctx.input.body;
    const from = typeof body.from === "string" ? body.from : null;
    if (from !== null && !model.participantsOf(channel).some((p) => participantSidOf(channel, p) === from))
      throw invalid(`Invalid parameter from: ${from} is not a participant of channel ${channel.sid}`);
    const transfer: TransferRecord = {
      sid: model.sids.sid("UX"),
      type: oneOf("type", body.type, TRANSFER_TYPES) ?? "cold",
      status: oneOf("status", body.status, TRANSFER_STATUSES) ?? "active",
      from,
      to: typeof body.to === "string" ? body.to : null,
      executionSid: model.sids.sid("QW"),
      created: ctx.now,
      updated: ctx.now,
    };
    (channel.transfers ??= []).push(transfer);
    model.events.emit({
      type: "transfer.status",
      channelSid: channel.sid,
      transferSid: transfer.sid,
      to: transfer.status,
    });
    return transferJson(ctx.base, channel, transfer, ctx.accountSid, model.standIn("GO"));
  };
}

function transferOf(channel: ChannelRecord, sid: string): TransferRecord {
  const transfer = channel.transfers?.find((t) => t.sid === sid);
  if (!transfer) throw notFound(`Transfer ${sid} of channel ${channel.sid}`);
  return transfer;
}

function fetchTransfer(model: FlexModel): Handler {
  return (ctx) => {
    const channel = readChannel(model, ctx);
    return transferJson(
      ctx.base,
      channel,
      transferOf(channel, ctx.input.path.Sid!),
      ctx.accountSid,
      model.standIn("GO"),
    );
  };
}

function updateTransfer(model: FlexModel): Handler {
  return (ctx) => {
    const channel = channelOf(model, ctx);
    const transfer = transferOf(channel, ctx.input.path.Sid!);
    const status = oneOf("status", ctx.input.body.status, TRANSFER_STATUSES);
    if (status !== undefined && status !== transfer.status) {
      model.journal.keep(transfer);
      transfer.status = status;
      transfer.updated = ctx.now;
      model.events.emit({ type: "transfer.status", channelSid: channel.sid, transferSid: transfer.sid, to: status });
    }
    return transferJson(ctx.base, channel, transfer, ctx.accountSid, model.standIn("GO"));
  };
}

/** The participant, invite and transfer handlers, by operationId. */
export function memberHandlers(model: FlexModel): Record<string, Handler> {
  return {
    CreateInteractionChannelParticipant: addParticipant(model),
    ListInteractionChannelParticipant: listParticipants(model),
    UpdateInteractionChannelParticipant: updateParticipant(model),
    CreateInteractionChannelInvite: createInvite(model),
    ListInteractionChannelInvite: listInvites(model),
    CreateInteractionTransfer: createTransfer(model),
    FetchInteractionTransfer: fetchTransfer(model),
    UpdateInteractionTransfer: updateTransfer(model),
  };
}

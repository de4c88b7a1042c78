// Handlers of the interaction and channel operations (F1–F6 of the wire
// contract): create, fetch and update an interaction; list, fetch and
// close or leave its channel.
import { stampOf } from "./clock";
import { TwilioFault, alreadyDone, invalid, notFound } from "./exchange";
import {
  type ChannelRecord,
  type ChannelSetup,
  type FlexModel,
  type InteractionRecord,
  addTaskSid,
} from "./flex-model";
import { channelJson, interactionJson, routingText } from "./flex-json";
import { type Handler, type HandlerContext, jsonField } from "./handler";
import { arraySource, listPage } from "./paging";
import { intern } from "./intern";
import type { TaskRouting } from "./tasks";

interface ChannelParams {
  sid?: string;
  type: string;
  initiated_by: string;
  properties?: { media_channel_sid?: string; from?: string; from_name?: string };
  participants?: Record<string, unknown>[];
}

const VALIDATION_ERROR = 19025;

// The rule Twilio checks after accepting the request (the spec's types do not carry it, as it
// ties two fields of the channel together): breaking it leaves the channel `failed`. The rules
// the spec carries (participants and worker/queue for agents, media_channel_sid for customers,
// participant keys by channel type) are refused at create by the request check instead.
function setupFailure(channel: ChannelParams): ChannelSetup["failure"] {
  if (channel.type === "email" && channel.initiated_by !== "customer" && !channel.properties?.from)
    return {
      code: VALIDATION_ERROR,
      message:
        "Channel validation error: properties.from is required for an email channel started by an agent or the API",
    };
  return null;
}

function currentRouting(model: FlexModel, { accountSid, now }: HandlerContext, interaction: InteractionRecord) {
  return routingText(interaction.taskSid ? model.tasks.get(interaction.taskSid) : undefined, accountSid, now, true);
}

function create(model: FlexModel): Handler {
  return (ctx) => {
    const { input, now, base, accountSid } = ctx;
    const params = jsonField<ChannelParams>(input, "Channel")!;
    const routing = jsonField<{ properties: TaskRouting }>(input, "Routing")?.properties;
    if (params.sid !== undefined) return adopt(model, ctx, params.sid, routing);
    if (!routing)
      throw invalid(
        "Missing required parameter Routing in the post body: Twilio requires it unless Channel.sid names an existing channel",
      );
    const interactionSid = model.sids.sid("KD");
    const channelSid = model.sids.sid("UO");
    const customers = params.participants ?? [];
    const channel: ChannelRecord = {
      sid: channelSid,
      interactionSid,
      taskSid: "",
      contextSid: (input.body.InteractionContextSid as string | undefined) ?? null,
      webhookTtid: (input.body.WebhookTtid as string | undefined) ?? null,
      type: intern(params.type),
      initiatedBy: intern(params.initiated_by),
      conversationSid: params.properties?.media_channel_sid ?? null,
      externalContact: intern((customers[0]?.proxy_address as string | undefined) ?? params.properties?.from ?? null),
      status: "setup",
      error: null,
      touched: stampOf(now),
      setup: null,
      participants: 0,
      taskSids: "",
    };
    const task = model.tasks.create(routing, channel, null, now);
    channel.taskSid = task.sid;
    channel.taskSids = task.sid;
    channel.setup = {
      readyAt: stampOf(now + model.options.channelSetupMs),
      customers: customers.length,
      agentTaskSid: params.initiated_by === "agent" ? task.sid : null,
      failure: setupFailure(params),
    };
    model.add(channel);
    model.events.emit({ type: "interaction.created", interactionSid, channelSid });
    // Twilio answers before the task is routed: no reservation yet (seed 000's response).
    return interactionJson(base, channel, routingText(task, accountSid, now, false));
  };
}

// `Channel.sid` names an existing channel: a new task on it when Routing is given.
function adopt(model: FlexModel, ctx: HandlerContext, channelSid: string, routing: TaskRouting | undefined) {
  const existing = model.channels.get(channelSid);
  if (!existing) throw notFound(`Channel ${channelSid}`);
  const channel = model.writableChannel(existing.interactionSid, channelSid, ctx.now, "sub-resource");
  const interaction = model.writableInteraction(channel.interactionSid, ctx.now);
  if (!routing) return interactionJson(ctx.base, interaction, currentRouting(model, ctx, interaction));
  const task = model.tasks.create(routing, channel, null, ctx.now);
  addTaskSid(channel, task.sid);
  interaction.taskSid = task.sid;
  return interactionJson(ctx.base, interaction, routingText(task, ctx.accountSid, ctx.now, false));
}

function fetchInteraction(model: FlexModel): Handler {
  return (ctx) => {
    const interaction = model.interaction(ctx.input.path.Sid!, ctx.now);
    return interactionJson(ctx.base, interaction, currentRouting(model, ctx, interaction));
  };
}

function updateInteraction(model: FlexModel): Handler {
  return ({ input, now, base }) => {
    const interaction = model.writableInteraction(input.path.Sid!, now);
    if (typeof input.body.WebhookTtid === "string") interaction.webhookTtid = input.body.WebhookTtid;
    // The spec's update example carries no routing.
    return interactionJson(base, interaction, "null");
  };
}

function listChannels(model: FlexModel): Handler {
  return ({ input, now, base }) => {
    const interaction = model.interaction(input.path.InteractionSid!, now);
    let channels: ChannelRecord[] = [];
    try {
      channels = [model.channel(interaction.interactionSid, interaction.sid, now)];
    } catch (error) {
      if (!(error instanceof TwilioFault)) throw error;
    }
    return listPage(
      arraySource(channels, (c) => c.sid),
      input.query,
      `${base}/v1/Interactions/${interaction.interactionSid}/Channels`,
      "channels",
      (c) => channelJson(base, c),
    );
  };
}

function fetchChannel(model: FlexModel): Handler {
  return ({ input, now, base }) => channelJson(base, model.channel(input.path.InteractionSid!, input.path.Sid!, now));
}

function updateChannel(model: FlexModel): Handler {
  return ({ input, now, base }) => {
    const status = input.body.Status as "closed" | "inactive";
    const closeTasks = jsonField<{ status: string }>(input, "Routing")?.status === "closed";
    const current = model.channel(input.path.InteractionSid!, input.path.Sid!, now);
    if (current.status === "closed")
      throw alreadyDone(`Channel ${current.sid} is already closed; a closed channel is read-only`);
    const channel = model.writableChannel(current.interactionSid, current.sid, now, "channel");
    const reason = status === "inactive" ? "channel left" : "channel closed";
    for (const task of model.tasksOf(channel))
      model.closeTask(task, closeTasks ? "completed" : "wrapping", now, reason);
    model.setStatus(channel, status);
    return channelJson(base, channel);
  };
}

/** The interaction and channel handlers, by operationId. */
export function interactionHandlers(model: FlexModel): Record<string, Handler> {
  return {
    CreateInteraction: create(model),
    FetchInteraction: fetchInteraction(model),
    UpdateInteraction: updateInteraction(model),
    ListInteractionChannel: listChannels(model),
    FetchInteractionChannel: fetchChannel(model),
    UpdateInteractionChannel: updateChannel(model),
  };
}

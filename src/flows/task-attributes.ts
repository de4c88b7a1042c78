// Task attributes: read them back from the JSON strings Twilio returns, and
// build the keys Flex UI and Flex Insights read from a channel, so a task made
// by an invite or a transfer carries what the first task had.
import type {
  AgentChannelParams,
  ChannelType,
  InboundChannelParams,
  InitiatedBy,
  InsightsConversation,
  RoutingState,
  TaskAttributes,
} from "../../generated/flex";
import { flexJsonStrings } from "../../generated/flex-operations";
import { TwilioError } from "../errors";
import { type JsonShape, shapeMismatch } from "../json-shape";

/**
 * A task's `attributes` or `addons` string is not the JSON object the spec
 * describes. The message says where it breaks, never what the string held
 * (attributes carry customers' personal data).
 *
 * @example
 * ```ts
 * try { decodeTaskAttributes(task.attributes); }
 * catch (err) { if (err instanceof TaskAttributesError) console.warn(err.field, err.message); else throw err; }
 * ```
 */
export class TaskAttributesError extends TwilioError {
  override name = "TaskAttributesError";
  /** Which string failed: `attributes` or `addons`. */
  readonly field: "attributes" | "addons";

  constructor(field: "attributes" | "addons", message: string) {
    super(message);
    this.field = field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}

function decode(field: "attributes" | "addons", text: unknown, shape: JsonShape): Record<string, unknown> {
  if (text === undefined || text === null) return {};
  if (typeof text !== "string") {
    throw new TaskAttributesError(field, `Task ${field} must be a JSON string, but got ${typeof text}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TaskAttributesError(
      field,
      `Task ${field} is not valid JSON (${text.length} characters); pass the string exactly as Twilio returned it.`,
    );
  }
  const mismatch = shapeMismatch(value, shape, field);
  if (mismatch) throw new TaskAttributesError(field, `Task ${field} do not match the spec: ${mismatch}.`);
  return value as Record<string, unknown>;
}

/**
 * Decodes a task's `attributes` string (`routing.properties.attributes` of an
 * interaction or invite) into typed attributes. Keys the spec documents are
 * checked against their types; other keys come back as they are. Null or
 * undefined gives `{}`. Anything else that is not a JSON object throws
 * {@link TaskAttributesError}, never a bare `SyntaxError`.
 *
 * @example
 * ```ts
 * const attributes = decodeTaskAttributes(interaction.routing?.properties.attributes);
 * console.log(attributes.customerName, attributes.conversations?.conversation_id);
 * ```
 */
export function decodeTaskAttributes(text: string | null | undefined): TaskAttributes {
  return decode("attributes", text, flexJsonStrings["TaskRouterTask.attributes"]) as TaskAttributes;
}

/**
 * Decodes a task's `addons` string (usually `"{}"`) into an object. Null or
 * undefined gives `{}`; anything that is not a JSON object throws
 * {@link TaskAttributesError}.
 *
 * @example
 * ```ts
 * const addons = decodeTaskAddons(interaction.routing?.properties.addons);
 * ```
 */
export function decodeTaskAddons(text: string | null | undefined): Record<string, unknown> {
  return decode("addons", text, flexJsonStrings["TaskRouterTask.addons"]);
}

/**
 * The decoded task attributes of an interaction or invite response (its
 * `routing.properties.attributes`), or `{}` when it has no routing.
 *
 * @example
 * ```ts
 * const { customerName } = taskAttributesOf(await twilio.flex.interactions(kd).fetch());
 * ```
 */
export function taskAttributesOf(resource: { readonly routing?: RoutingState | null }): TaskAttributes {
  return decodeTaskAttributes(resource.routing?.properties?.attributes);
}

/** How Flex Insights names each channel type in `conversations.communication_channel`. */
const COMMUNICATION_CHANNEL: Record<ChannelType, string> = {
  // The five values of Twilio's mapping table:
  email: "Email",
  sms: "SMS",
  whatsapp: "Whatsapp",
  web: "Web",
  chat: "Chat",
  // Not in the table; named the way Flex UI's channelType names them, capitalised.
  messenger: "Messenger",
  gbm: "Gbm",
  voice: "Voice",
};

const INSIGHTS_INITIATED_BY: Record<InitiatedBy, string> = { customer: "Customer", agent: "Agent", api: "API" };

/**
 * What {@link taskAttributesFromChannel} can add beyond the channel itself.
 *
 * @example
 * ```ts
 * taskAttributesFromChannel(Channel, { conversationId: firstTask.conversations?.conversation_id });
 * ```
 */
export interface ChannelAttributeOptions {
  /**
   * `conversations.conversation_id`, which joins the tasks of one contact in
   * Insights. Twilio sets it when it creates the first task (its examples show
   * the interaction SID, though its mapping table names `media_channel_sid`),
   * so pass it only for another task of the same contact: the first task's value.
   */
  readonly conversationId?: string;
}

/**
 * The task attributes Twilio derives from a channel, as its mapping table
 * documents them: `type` → `channelType` and `conversations.communication_channel`,
 * `initiated_by` → `direction`, `initiatedBy` and `conversations.initiated_by`
 * / `conversations.direction`, `properties.media_channel_sid` →
 * `conversationSid` and the transcript in `conversations.media`, and the
 * business address (`proxy_address`, or `properties.from` for email) →
 * `conversations.external_contact`. `communication_channel` takes the table's
 * spelling (`SMS`, `Whatsapp`, …; Twilio's example response shows `Sms`).
 * Spread your own attributes over it.
 *
 * @example
 * ```ts
 * const attributes = { ...taskAttributesFromChannel(Channel), customerName: "Al Fresco" };
 * await twilio.flex.interactions.create({ Channel, Routing: { properties: { workspace_sid, attributes } } });
 * ```
 */
export function taskAttributesFromChannel(
  channel: AgentChannelParams | InboundChannelParams,
  options: ChannelAttributeOptions = {},
): TaskAttributes {
  const direction = channel.initiated_by === "agent" ? "outbound" : "inbound";
  const conversationSid = channel.properties?.media_channel_sid;
  const conversations: InsightsConversation = {
    initiated_by: INSIGHTS_INITIATED_BY[channel.initiated_by],
    direction: direction === "outbound" ? "Outbound" : "Inbound",
    communication_channel: COMMUNICATION_CHANNEL[channel.type],
  };
  if (options.conversationId) conversations.conversation_id = options.conversationId;
  if (conversationSid) conversations.media = [{ type: "ChatTranscript", sid: conversationSid }];
  const externalContact = externalContactOf(channel);
  if (externalContact) conversations.external_contact = externalContact;
  return {
    channelType: channel.type,
    direction,
    initiatedBy: channel.initiated_by,
    ...(conversationSid ? { conversationSid } : {}),
    conversations,
  };
}

function externalContactOf(channel: AgentChannelParams | InboundChannelParams) {
  if (channel.type === "email") return channel.properties?.from;
  for (const participant of channel.participants ?? []) {
    if ("proxy_address" in participant && participant.proxy_address) return participant.proxy_address;
  }
  return undefined;
}

// A task as Interactions API responses carry it: its attributes with the keys
// Twilio adds (seed 000, "Task attributes"), and the task as JSON text with
// epoch-second dates and the attributes as a JSON string.
import { timeOf } from "./clock";
import { jsonValue } from "./json-text";
import { derivedSid } from "./sids";
import type { ChannelContext, TaskRecord } from "./tasks";

/** The channel's Conversation: the one the caller named, or the one the emulated Twilio created. */
export function conversationOf(channel: ChannelContext): string {
  return channel.conversationSid ?? derivedSid("CH", channel.sid);
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The task's attributes as Twilio returns them: the caller's, plus the keys
 * Twilio adds (seed 000, "Task attributes"). An invite's task gets only the
 * SIDs: Insights' `conversations` block is not copied, so callers send it
 * again (flows.md, transfers).
 */
export function attributesOf(task: TaskRecord): Record<string, unknown> {
  const c = task.channel;
  const own = task.attributes;
  const conversationSid = conversationOf(c);
  const customers =
    task.inviteSid === null && typeof own.customerName === "string" && typeof own.customerAddress === "string"
      ? { name: own.customerName, [own.customerAddress.includes("@") ? "email" : "phone"]: own.customerAddress }
      : undefined;
  // The caller's keys are copied by spreading (any name is data, `__proto__` too); the keys Twilio adds
  // are then set by name, in place when the caller sent one of them, as a later spread would.
  const out: Record<string, unknown> = customers ? { customers, ...own } : { ...own };
  out.flexInteractionSid = c.interactionSid;
  out.flexInteractionChannelSid = c.sid;
  // The interaction's own task names an invite too (seed 000's response), one the invite list does not show.
  out.flexChannelInviteSid = task.inviteSid ?? derivedSid("KG", task.sid);
  out.conversationSid = conversationSid;
  out.channelType = c.type;
  if (task.inviteSid !== null) return out;
  const direction = c.initiatedBy === "agent" ? "outbound" : "inbound";
  const conversations: Record<string, unknown> = {
    conversation_id: c.interactionSid,
    initiated_by: capitalized(c.initiatedBy),
    communication_channel: capitalized(c.type),
    media: [{ type: "ChatTranscript", sid: conversationSid, conversation_sid: conversationSid }],
    direction: capitalized(direction),
  };
  if (c.externalContact !== null) conversations.external_contact = c.externalContact;
  const theirs = typeof own.conversations === "object" && own.conversations !== null ? own.conversations : {};
  out.initiatedBy = c.initiatedBy;
  out.direction = direction;
  out.conversations = { ...conversations, ...theirs };
  return out;
}

// The keys Twilio adds to task attributes (attributesOf): a caller's key of the same name keeps the caller's place.
const ADDED_KEYS = new Set([
  "customers",
  "flexInteractionSid",
  "flexInteractionChannelSid",
  "flexChannelInviteSid",
  "conversationSid",
  "channelType",
  "initiatedBy",
  "direction",
  "conversations",
]);

// Whether JSON.stringify(attributesOf(task)) is the caller's keys, in their order, between the keys Twilio
// adds: none of them is one of those, and none is an array index (an object lists those first).
function addsAround(own: Record<string, unknown>): boolean {
  if (Array.isArray(own)) return false;
  for (const key of Object.keys(own)) {
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || ADDED_KEYS.has(key)) return false;
  }
  return true;
}

/**
 * `JSON.stringify(attributesOf(task))` as it appears inside the task's JSON, where the attributes are a
 * string (`\"` for each quote): written directly, so the answer does not encode them twice.
 */
export function attributesText(task: TaskRecord): string {
  const own = task.attributes;
  if (!addsAround(own)) return JSON.stringify(JSON.stringify(attributesOf(task))).slice(1, -1);
  // SIDs the emulator made (the task's, its channel's and interaction's, derived ones) need no escaping.
  const v = (value: string | object) => jsonValue(value, true);
  const c = task.channel;
  const conversationSid = v(conversationOf(c));
  let text = "{";
  if (task.inviteSid === null && typeof own.customerName === "string" && typeof own.customerAddress === "string")
    text += `\\"customers\\":{\\"name\\":${v(own.customerName)},\\"${own.customerAddress.includes("@") ? "email" : "phone"}\\":${v(own.customerAddress)}},`;
  const ownText = v(own);
  // The caller's keys, without their braces.
  if (ownText.length > 2) text += `${ownText.slice(1, -1)},`;
  text +=
    `\\"flexInteractionSid\\":\\"${c.interactionSid}\\",\\"flexInteractionChannelSid\\":\\"${c.sid}\\",` +
    `\\"flexChannelInviteSid\\":\\"${task.inviteSid ?? derivedSid("KG", task.sid)}\\",` +
    `\\"conversationSid\\":${conversationSid},\\"channelType\\":${v(c.type)}`;
  if (task.inviteSid !== null) return `${text}}`;
  const direction = c.initiatedBy === "agent" ? "outbound" : "inbound";
  return (
    `${text},\\"initiatedBy\\":${v(c.initiatedBy)},\\"direction\\":\\"${direction}\\",\\"conversations\\":{` +
    `\\"conversation_id\\":\\"${c.interactionSid}\\",\\"initiated_by\\":${v(capitalized(c.initiatedBy))},` +
    `\\"communication_channel\\":${v(capitalized(c.type))},\\"media\\":[{\\"type\\":\\"ChatTranscript\\",` +
    `\\"sid\\":${conversationSid},\\"conversation_sid\\":${conversationSid}}],\\"direction\\":\\"${capitalized(direction)}\\"` +
    (c.externalContact !== null ? `,\\"external_contact\\":${v(c.externalContact)}}}` : "}}")
  );
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The task as the Interactions API's `routing.properties` carries it, as JSON text. */
export function taskText(task: TaskRecord, accountSid: string, now: number): string {
  // The SIDs the emulator made (the task's, the account's) need no escaping.
  const q = task.queueing;
  const created = timeOf(task.created);
  return (
    `{"sid":"${task.sid}","account_sid":"${accountSid}",` +
    `"workspace_sid":${jsonValue(q.workspaceSid)},"workflow_sid":${jsonValue(q.workflowSid)},` +
    `"workflow_name":"Assign to Anyone","queue_sid":${jsonValue(q.queueSid)},"queue_name":"Everyone",` +
    `"task_channel_sid":${jsonValue(q.taskChannelSid)},"task_channel_unique_name":${jsonValue(q.taskChannelUniqueName)},` +
    `"routing_target":${jsonValue(task.workerSid)},"assignment_status":"${task.status}",` +
    `"priority":${jsonValue(q.priority)},"age":${seconds(now - created)},"age_in_queue":${seconds(now - created)},` +
    `"timeout":${jsonValue(q.timeout)},"assignmentCounter":${task.assignmentCounter},"reason":${jsonValue(task.reason)},` +
    `"attributes":"${attributesText(task)}","addons":"{}","date_created":${seconds(created)},` +
    `"date_updated":${seconds(timeOf(task.updated))},"task_queue_entered_date":${seconds(created)}}`
  );
}

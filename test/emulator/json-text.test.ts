// The answers the emulator writes as JSON text directly (an interaction and
// its task) are exactly what JSON.stringify writes for the same values,
// whatever the caller put in them: quotes, control characters, lone
// surrogates, keys Twilio adds to task attributes, array-index keys.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonValue } from "../../src/testing/json-text";
import { attributesOf, attributesText, taskText } from "../../src/testing/task-json";
import type { TaskRecord } from "../../src/testing/tasks";

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", '"', "\\", "\n", "\u2028", "\ud800", "\udc00x", "\ud83d\ude00", "a@b", "+1555"),
);
// Caller keys, the ones Twilio adds among them.
const key = fc.oneof(
  text,
  fc.constantFrom(
    "customers",
    "conversations",
    "direction",
    "flexInteractionSid",
    "channelType",
    "__proto__",
    "0",
    "12",
  ),
);
// Flat objects, which are written without JSON.stringify.
const flat = fc.dictionary(
  key,
  fc.oneof(
    text,
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 5e-7),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant([]),
  ),
  { maxKeys: 5 },
);
const attributes = fc.oneof(
  fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  flat,
  fc.record({ customerName: text, customerAddress: text }),
  fc.record({ customerName: text, customerAddress: text, conversations: fc.jsonValue({ maxDepth: 2 }) }),
);
const sid = (prefix: string) => fc.stringMatching(/^[0-9a-f]{32}$/).map((hex) => `${prefix}${hex}`);

const task = fc
  .record({
    sid: sid("WT"),
    attributes,
    interactionSid: sid("KD"),
    channelSid: sid("UO"),
    type: text,
    initiatedBy: fc.oneof(fc.constantFrom("agent", "customer", "api"), text),
    conversationSid: fc.option(text),
    externalContact: fc.option(text),
    inviteSid: fc.option(sid("KG")),
    unique: text,
    priority: fc.oneof(fc.integer(), fc.double()),
    reason: fc.option(text),
    workerSid: fc.option(text),
  })
  .map((t): TaskRecord => ({
    sid: t.sid,
    status: "pending",
    attributes: t.attributes as Record<string, unknown>,
    channel: {
      interactionSid: t.interactionSid,
      sid: t.channelSid,
      type: t.type,
      initiatedBy: t.initiatedBy,
      conversationSid: t.conversationSid,
      externalContact: t.externalContact,
    },
    inviteSid: t.inviteSid,
    queueing: {
      workspaceSid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      workflowSid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      queueSid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      taskChannelSid: "TCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      taskChannelUniqueName: t.unique,
      priority: t.priority,
      timeout: 86_400,
    },
    workerSid: t.workerSid,
    reservationSid: null,
    offered: false,
    assignmentCounter: 0,
    reason: t.reason,
    created: 0,
    updated: 5,
  }));

describe("answers written as JSON text", () => {
  it("write a value as JSON.stringify does, and as it appears inside a JSON string", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.double(), fc.constant(null), fc.jsonValue(), flat), (value) => {
        const json = JSON.stringify(value);
        expect(jsonValue(value as object)).toBe(json);
        expect(jsonValue(value as object, true)).toBe(JSON.stringify(json).slice(1, -1));
      }),
      { numRuns: 500 },
    );
  });

  it("write a task's attributes as JSON.stringify writes attributesOf(task) into a JSON string", () => {
    fc.assert(
      fc.property(task, (t) => {
        expect(attributesText(t)).toBe(JSON.stringify(JSON.stringify(attributesOf(t))).slice(1, -1));
      }),
      { numRuns: 500 },
    );
  });

  it("write a task as the JSON.stringify text of what it parses to, its attributes as the text of attributesOf(task)", () => {
    fc.assert(
      fc.property(task, (t) => {
        const written = taskText(t, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10_000);
        const parsed = JSON.parse(written) as Record<string, unknown>;
        expect(JSON.stringify(parsed)).toBe(written);
        expect(parsed.attributes).toBe(JSON.stringify(attributesOf(t)));
        expect(parsed.task_channel_unique_name).toBe(t.queueing.taskChannelUniqueName);
      }),
      { numRuns: 300 },
    );
  });
});

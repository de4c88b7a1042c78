// The task-attribute decoders and the channel → attributes builder, against
// the seed's documented response and mapping tables.
import { describe, expect, it } from "vitest";
import {
  TaskAttributesError,
  TwilioError,
  decodeTaskAddons,
  decodeTaskAttributes,
  taskAttributesFromChannel,
  taskAttributesOf,
} from "twilio-interactions";
import { SEED_CHANNEL } from "../helpers/seed";

const CH = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

// The `attributes` string of the seed's response (SIDs made well-formed).
const SEED_ATTRIBUTES = JSON.stringify({
  customerAddress: "+1234-567-8910",
  flexChannelInviteSid: "KGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  conversationSid: CH,
  channelType: "sms",
  conversations: {
    initiated_by: "Agent",
    communication_channel: "Sms",
    media: [{ conversation_sid: CH }],
    direction: "Outbound",
  },
  customerName: "silly name",
  flexInteractionChannelSid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  initiatedBy: "agent",
  direction: "outbound",
});

function refusal(run: () => unknown): TaskAttributesError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TaskAttributesError);
    expect(error).toBeInstanceOf(TwilioError);
    return error as TaskAttributesError;
  }
  throw new Error("expected a TaskAttributesError");
}

describe("decodeTaskAttributes", () => {
  it("decodes the seed's attributes string into typed keys", () => {
    const attributes = decodeTaskAttributes(SEED_ATTRIBUTES);
    expect(attributes.customerName).toBe("silly name");
    expect(attributes.channelType).toBe("sms");
    expect(attributes.conversations?.media?.[0]?.conversation_sid).toBe(CH);
    expect(attributes.flexInteractionChannelSid).toBe("UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  });

  it("keeps custom keys as they are", () => {
    expect(decodeTaskAttributes('{"vip":true,"skills":["es"]}')).toEqual({ vip: true, skills: ["es"] });
  });

  it("reads an interaction's routing, and gives {} without one", () => {
    const routing = { properties: { attributes: SEED_ATTRIBUTES } } as Parameters<
      typeof taskAttributesOf
    >[0]["routing"];
    expect(taskAttributesOf({ routing }).customerName).toBe("silly name");
    expect(taskAttributesOf({ routing: null })).toEqual({});
    expect(decodeTaskAttributes(undefined)).toEqual({});
  });

  it.each([
    ["text that is not JSON", "{customerName: 'x'", /not valid JSON \(18 characters\)/],
    ["an array", "[1,2]", /attributes: expected object, got array/],
    ["JSON null", "null", /attributes: expected object, got null/],
    ["a number", "42", /attributes: expected object, got number/],
    [
      "a documented key of the wrong type",
      '{"customerName":7}',
      /attributes\.customerName: expected string, got number/,
    ],
    ["a malformed SID", '{"flexInteractionSid":"KD1"}', /attributes\.flexInteractionSid: expected a string matching/],
    ["an unknown channel type", '{"channelType":"fax"}', /attributes\.channelType: expected one of voice, sms/],
    ["a bad nested item", '{"conversations":{"media":[{"sid":5}]}}', /attributes\.conversations\.media\[0\]\.sid/],
  ])("refuses %s with a TaskAttributesError", (_, text, message) => {
    const error = refusal(() => decodeTaskAttributes(text));
    expect(error.field).toBe("attributes");
    expect(error.message).toMatch(message);
  });

  it("refuses a value that is not a string", () => {
    expect(refusal(() => decodeTaskAttributes({} as unknown as string)).message).toMatch(/must be a JSON string/);
  });

  it("never repeats the attributes (personal data) in its message", () => {
    const error = refusal(() => decodeTaskAttributes('{"customerName":"Al Fresco", oops}'));
    expect(error.message).not.toContain("Al Fresco");
    expect(JSON.stringify(error)).not.toContain("Al Fresco");
  });
});

describe("decodeTaskAddons", () => {
  it("decodes the usual {} and refuses what is not an object", () => {
    expect(decodeTaskAddons("{}")).toEqual({});
    expect(decodeTaskAddons(null)).toEqual({});
    const error = refusal(() => decodeTaskAddons('"text"'));
    expect(error.field).toBe("addons");
    expect(error.message).toMatch(/addons: expected object, got string/);
  });
});

describe("taskAttributesFromChannel", () => {
  it("maps the seed's agent-initiated SMS channel as Twilio's table says", () => {
    expect(taskAttributesFromChannel(SEED_CHANNEL)).toEqual({
      channelType: "sms",
      direction: "outbound",
      initiatedBy: "agent",
      conversations: {
        initiated_by: "Agent",
        direction: "Outbound",
        communication_channel: "SMS",
        external_contact: "+19255551234",
      },
    });
  });

  it("takes the transcript and conversationSid from media_channel_sid", () => {
    const attributes = taskAttributesFromChannel({
      type: "chat",
      initiated_by: "customer",
      properties: { media_channel_sid: CH },
    });
    expect(attributes).toMatchObject({ channelType: "chat", direction: "inbound", conversationSid: CH });
    expect(attributes.conversations).toEqual({
      initiated_by: "Customer",
      direction: "Inbound",
      communication_channel: "Chat",
      media: [{ type: "ChatTranscript", sid: CH }],
    });
  });

  it("uses the email channel's from address as the external contact, and a given conversation id", () => {
    const attributes = taskAttributesFromChannel(
      { type: "email", initiated_by: "api", properties: { from: "help@example.com" } },
      { conversationId: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    );
    expect(attributes.conversations).toMatchObject({
      communication_channel: "Email",
      initiated_by: "API",
      external_contact: "help@example.com",
      conversation_id: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    });
  });

  it("builds attributes the decoder accepts", () => {
    const built = taskAttributesFromChannel({
      type: "web",
      initiated_by: "api",
      properties: { media_channel_sid: CH },
    });
    expect(decodeTaskAttributes(JSON.stringify(built))).toEqual(built);
  });
});

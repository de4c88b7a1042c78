// The interaction events as OpenAPI 3.1 `webhooks`: the seven documented
// events, one schema each told apart by `EventType`, open to parameters and
// channel statuses Twilio has not documented, every one with a valid example.
import { describe, expect, it } from "vitest";
import { type Json, loadSpec, resolve, schemaValidator } from "../helpers/spec";

const EVENTS = [
  "onInteractionCreated",
  "onChannelCreated",
  "onChannelCreateFailed",
  "onChannelStatusUpdated",
  "onParticipantJoined",
  "onParticipantLeft",
  "onParticipantUpdated",
];
const FORM = "application/x-www-form-urlencoded";

const doc = loadSpec("flex");
const validator = schemaValidator("flex");
const schemaOf = (event: string): Json => doc.webhooks[event].post.requestBody.content[FORM].schema;
const exampleOf = (event: string): Json => resolve(doc, schemaOf(event)).examples[0];

describe("the interaction events", () => {
  it("are exactly the seven documented events", () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENTS].sort());
  });

  it("all name the same event list as the webhook registration accepts", () => {
    expect(doc.components.schemas.InteractionWebhookEventType.enum.sort()).toEqual([...EVENTS].sort());
  });

  describe.each(EVENTS)("%s", (event) => {
    it("is a form POST with its own schema and an optional X-Twilio-Signature header", () => {
      const { post } = doc.webhooks[event];
      expect(Object.keys(post.requestBody.content)).toEqual([FORM]);
      expect(schemaOf(event).$ref).toMatch(/^#\/components\/schemas\/\w+Event$/);
      const header = resolve(doc, post.parameters[0]);
      expect(header).toMatchObject({ name: "X-Twilio-Signature", in: "header", required: false });
    });

    it("is signed with X-Twilio-Signature, not sent with the API's Basic auth, and names the SDK's receiver", () => {
      const { post } = doc.webhooks[event];
      expect(post.security).toEqual([{ twilioSignature: [] }]);
      expect(post.description).toContain("receiveInteractionEvent");
    });

    it("has an example that is valid, and only for its own EventType", () => {
      const example = exampleOf(event);
      expect(example.EventType).toBe(event);
      expect(validator.errors(schemaOf(event), example)).toEqual([]);
      for (const other of EVENTS.filter((e) => e !== event)) {
        expect(validator.errors(schemaOf(event), { ...example, EventType: other }), other).not.toEqual([]);
      }
    });

    it("accepts parameters Twilio adds later, and rejects one without its required parameters", () => {
      const example = exampleOf(event);
      expect(validator.errors(schemaOf(event), { ...example, SomethingNew: "x" })).toEqual([]);
      expect(validator.errors(schemaOf(event), { EventType: event })).not.toEqual([]);
    });
  });

  it("name their signature in a security scheme: the X-Twilio-Signature header, checked by receiveInteractionEvent", () => {
    const scheme = resolve(doc, doc.components.securitySchemes.twilioSignature);
    expect(scheme).toMatchObject({ type: "apiKey", in: "header", name: "X-Twilio-Signature" });
    expect(scheme.description).toContain("receiveInteractionEvent");
  });

  it("accepts channel statuses beyond the documented ones", () => {
    const example = exampleOf("onChannelStatusUpdated");
    for (const status of ["active", "closed", "inactive", "someday-new"]) {
      expect(validator.errors(schemaOf("onChannelStatusUpdated"), { ...example, ChannelStatus: status })).toEqual([]);
    }
  });
});

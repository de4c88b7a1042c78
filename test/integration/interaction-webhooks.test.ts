// The interaction-webhook management calls through the generated resource
// methods only (no path strings, no hand-written code), against the Prism mock
// of the spec: each sends its operation, valid by the spec, with the event
// list as repeated form keys, and the list pages through `data`.
import { describe, expect, it } from "vitest";
import { type FlexApi, Paginator, TwilioValidationError, asSid } from "twilio-interactions";
import { operationOf, requestBodyErrors } from "./support/wire";
import { recordingClient } from "./support/recording-client";

const GO = asSid("GO", "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

describe("twilio.flex.instances(go).interactionWebhooks against the mock", () => {
  it("creates, lists, fetches, updates and removes a webhook, each call valid by the spec", async () => {
    const { twilio, sent } = recordingClient();
    const webhooks = twilio.flex.instances(GO).interactionWebhooks;

    const created = await webhooks.create({
      Type: "interaction",
      WebhookUrl: "https://example.org/flex-events",
      WebhookMethod: "POST",
      WebhookEvents: ["onChannelStatusUpdated", "onParticipantLeft"],
      FriendlyName: "Survey on leave",
    });
    expect(created.ttid).toMatch(/^flex_interactionwebhook_/);
    const listed = webhooks.list({ type: "interaction" });
    expect(listed).toBeInstanceOf(Paginator);
    const all = await listed.toArray();
    expect(all.map((w) => w.ttid)).toContain(created.ttid);
    const hook = webhooks(created.ttid);
    expect((await hook.fetch()).webhook_events).toEqual(["onChannelStatusUpdated", "onParticipantLeft"]);
    expect((await hook.update({ WebhookEvents: ["onParticipantLeft"] })).ttid).toBe(created.ttid);
    const removal = await hook.remove().withResponse();
    expect(removal.response.status).toBe(204);

    expect(sent.map((request) => operationOf(request).operationId)).toEqual([
      "CreateInteractionWebhook",
      "ListInteractionWebhook",
      "FetchInteractionWebhook",
      "UpdateInteractionWebhook",
      "DeleteInteractionWebhook",
    ]);
    for (const request of sent) {
      expect(request.violations, `${request.method} ${request.url.pathname}`).toBeNull();
      expect(requestBodyErrors(request)).toEqual([]);
    }
    expect(new URLSearchParams(sent[0]!.body).getAll("WebhookEvents")).toEqual([
      "onChannelStatusUpdated",
      "onParticipantLeft",
    ]);
    expect(sent[1]!.url.searchParams.get("type")).toBe("interaction");
  });

  it("refuses a ttid that is not one before sending", async () => {
    const { twilio, sent } = recordingClient();
    const webhooks = twilio.flex.instances(GO).interactionWebhooks;
    const notATtid = "../Interactions" as FlexApi.InteractionWebhookTtid;
    await expect(webhooks(notATtid).fetch()).rejects.toThrow(TwilioValidationError);
    await expect(webhooks(notATtid).remove()).rejects.toThrow(/Ttid must match \^flex_interactionwebhook_/);
    expect(sent).toEqual([]);
  });
});

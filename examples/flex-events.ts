/**
 * A receiver of Flex interaction events on a web-standard `Request` (the
 * handler shape of Workers, Deno, Bun and Next.js route handlers): when the
 * agent leaves a conversation the customer gets a survey, and a channel that
 * goes inactive (the agent left, the customer may write back) is parked, to
 * invite an agent again later. Events whose X-Twilio-Signature does not match
 * are refused with 403; events this SDK does not know are acknowledged and
 * ignored.
 *
 * Run on its own, it registers the handler's public URL as a global
 * interaction webhook for `onParticipantLeft` and `onChannelStatusUpdated`.
 * examples/flex-events.test.ts tests the handler against the emulator.
 *
 * Run: npx tsx examples/flex-events.ts
 * Reads: TWILIO_FLEX_INSTANCE_SID, TWILIO_EVENTS_URL, and the client variables (see "Examples" in README.md).
 */
import {
  type FlexApi,
  InteractionEventError,
  type InteractionEventOf,
  type InteractionsClient,
  type Sid,
  UnknownEventTypeError,
  receiveInteractionEvent,
} from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv, textFromEnv } from "./support/standalone";

/** What the handler does with the events: your survey and parking services. */
export interface FlexEventReactions {
  /** The agent left: ask the customer how it went. */
  sendSurvey(event: InteractionEventOf<"onParticipantLeft">): Promise<void>;
  /** The channel went inactive: remember it, to invite an agent when the customer writes back. */
  park(event: InteractionEventOf<"onChannelStatusUpdated">): Promise<void>;
}

/**
 * The request handler. `authToken` verifies each event's signature; `url` is
 * the public URL registered with Twilio, when the request's own URL differs.
 *
 * @example
 * ```ts
 * const handle = flexEventsHandler({ authToken: env.TWILIO_AUTH_TOKEN }, reactions);
 * export default { fetch: handle }; // a Cloudflare Worker
 * ```
 */
export function flexEventsHandler(
  options: { authToken: string; url?: string },
  reactions: FlexEventReactions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let event;
    try {
      event = await receiveInteractionEvent(request, options);
    } catch (error) {
      if (error instanceof UnknownEventTypeError) return new Response(null, { status: 204 });
      if (error instanceof InteractionEventError) return new Response(error.message, { status: 403 });
      throw error;
    }
    if (event.EventType === "onParticipantLeft" && event.ParticipantType === "agent") await reactions.sendSurvey(event);
    if (event.EventType === "onChannelStatusUpdated" && event.ChannelStatus === "inactive") await reactions.park(event);
    return new Response(null, { status: 204 });
  };
}

/**
 * Registers `url` as a global webhook of the Flex instance for the events the
 * handler reacts to, and returns the webhook (`ttid` names it).
 *
 * @example
 * ```ts
 * const webhook = await registerFlexEvents(twilio, instanceSid, "https://app.example.org/flex-events");
 * ```
 */
export async function registerFlexEvents(
  twilio: InteractionsClient,
  instanceSid: Sid<"GO">,
  url: string,
): Promise<FlexApi.InteractionWebhook> {
  return twilio.flex.instances(instanceSid).interactionWebhooks.create({
    Type: "global",
    WebhookUrl: url,
    WebhookMethod: "POST",
    WebhookEvents: ["onParticipantLeft", "onChannelStatusUpdated"],
  });
}

runIfMain(import.meta.url, async () => {
  const webhook = await registerFlexEvents(
    clientFromEnv(),
    sidFromEnv("TWILIO_FLEX_INSTANCE_SID", "GO"),
    textFromEnv("TWILIO_EVENTS_URL"),
  );
  console.log(`Registered webhook ${webhook.ttid} for ${webhook.webhook_events.join(", ")} at ${webhook.webhook_url}`);
});

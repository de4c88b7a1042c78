// Issue 15 on every runtime: the emulator (twilio-interactions/testing, in
// this runtime) signs the interaction events its state changes cause and
// hands them straight to a handler built with receiveInteractionEvent, so
// both the signing and the verifying go through this runtime's WebCrypto.
// Then the first event is replayed as it came, with one parameter changed,
// and to a handler that holds a wrong Auth Token. It returns plain data that
// the test compares.
const HOOK_URL = "https://app.example.org/flex-events";

export async function webhookCases(sdk, testing) {
  const { createInteractionsClient, receiveInteractionEvent, InteractionEventError, WebhookSignatureError } = sdk;
  // A handler as a user writes it: 204 for an event, 403 with the error's name and reason otherwise.
  const handler = (authToken, accepted) => async (request) => {
    try {
      const event = await receiveInteractionEvent(request, { authToken });
      accepted.push(event);
      return new Response(null, { status: 204 });
    } catch (error) {
      if (!(error instanceof InteractionEventError)) throw error;
      const reason = error instanceof WebhookSignatureError ? error.reason : "";
      return new Response(`${error.name} ${reason}`, { status: 403 });
    }
  };
  const sent = [];
  const events = [];
  let authToken = "";
  const emulator = testing.createEmulator({
    seed: 15,
    webhookFetch: async (request) => {
      sent.push({
        url: request.url,
        method: request.method,
        headers: [...request.headers],
        body: await request.clone().text(),
      });
      return handler(authToken, events)(request);
    },
  });
  authToken = emulator.credentials.authToken;
  const twilio = createInteractionsClient(emulator.clientOptions);
  await twilio.flex.instances(emulator.flexInstanceSid).interactionWebhooks.create({
    Type: "global",
    WebhookUrl: HOOK_URL,
    WebhookMethod: "POST",
    WebhookEvents: ["onInteractionCreated", "onChannelCreated", "onChannelStatusUpdated", "onParticipantJoined"],
  });
  const interaction = await twilio.flex.interactions.create({
    Channel: {
      type: "sms",
      initiated_by: "agent",
      participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
    },
    Routing: {
      properties: {
        workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      },
    },
  });
  await twilio.flex
    .interactions(interaction.sid)
    .channels(interaction.channel.sid)
    .update({ Status: "closed", Routing: { status: "closed" } });
  await emulator.flushWebhooks();

  // Replays the first event: as sent, with `change` applied to its form parameters, to a handler with `token`.
  const replay = async (token, change = () => {}) => {
    const { url, method, headers, body } = sent[0];
    const params = new URLSearchParams(body);
    change(params);
    const response = await handler(token, [])(new Request(url, { method, headers, body: params.toString() }));
    return `${response.status} ${await response.text()}`.trim();
  };
  const first = new URLSearchParams(sent[0]?.body);
  return {
    interactionSid: interaction.sid,
    channelSid: interaction.channel.sid,
    signed: sent.every((request) => new Headers(request.headers).get("x-twilio-signature")?.length === 28),
    deliveries: emulator.webhookDeliveries().map((d) => `${d.eventType} ${d.status}`),
    events: events.map((e) => ({
      EventType: e.EventType,
      InteractionSid: e.InteractionSid,
      ChannelSid: e.ChannelSid,
      ChannelStatus: e.ChannelStatus,
    })),
    replayed: await replay(authToken),
    changedParameter: await replay(authToken, (p) =>
      p.set(
        "InteractionSid",
        first.get("InteractionSid").replace(/.$/, (c) => (c === "0" ? "1" : "0")),
      ),
    ),
    wrongToken: await replay(authToken.replace(/.$/, (c) => (c === "0" ? "1" : "0"))),
  };
}

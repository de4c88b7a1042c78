// The calls every JavaScript consumer makes (ESM import, CommonJS require,
// edge bundle), given the SDK module it loaded its own way: a fetch, a
// form-encoded create, a two-page list, a Proxy list and a 404; and an
// interaction event signed, received and refused once changed. It returns
// plain data that the test compares with what the loopback server saw.
export async function scenario(sdk, config) {
  const { createInteractionsClient, unwrap } = sdk;
  const twilio = createInteractionsClient({
    accountSid: config.accountSid,
    authToken: config.authToken,
    baseUrls: { flex: config.baseUrl, proxy: config.baseUrl },
    maxRetries: 0,
  });
  const fetched = await unwrap(
    twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: config.interactionSid } } }),
  );
  const created = await unwrap(
    twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: {
          type: "sms",
          initiated_by: "agent",
          participants: [{ address: "+15551234567", proxy_address: "+15557654321" }],
        },
        Routing: {
          properties: { workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", task_channel_unique_name: "sms" },
        },
      },
    }),
  );
  const channels = [];
  const channelPages = twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
    params: { path: { InteractionSid: fetched.sid }, query: { PageSize: 2 } },
  });
  for await (const channel of channelPages) channels.push(channel.sid);
  const proxyInteractions = await twilio.proxy
    .paginate("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
      params: { path: { ServiceSid: config.serviceSid, SessionSid: config.sessionSid } },
    })
    .toArray();
  let notFound;
  try {
    await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: config.missingSid } } }));
  } catch (error) {
    notFound = {
      name: error.name,
      status: error.status,
      code: error.code,
      isNotFoundError: error instanceof sdk.NotFoundError,
      isTwilioError: error instanceof sdk.TwilioError,
    };
  }
  const event = {
    EventType: "onParticipantLeft",
    AccountSid: config.accountSid,
    InteractionSid: config.interactionSid,
    ChannelSid: `UO${"a".repeat(32)}`,
    ParticipantSid: `UT${"a".repeat(32)}`,
  };
  const hook = "https://example.org/flex-events";
  const signature = await sdk.twilioSignature(config.authToken, hook, event);
  const post = (params) =>
    new Request(hook, {
      method: "POST",
      body: new URLSearchParams(params),
      headers: { "x-twilio-signature": signature },
    });
  const received = await sdk.receiveInteractionEvent(post(event), { authToken: config.authToken });
  const refused = await sdk
    .receiveInteractionEvent(post({ ...event, ParticipantSid: `UT${"b".repeat(32)}` }), { authToken: config.authToken })
    .catch((error) => error.name);
  return {
    version: sdk.VERSION,
    event: { type: received.EventType, participant: received.ParticipantSid, refused },
    fetched: fetched.sid,
    created: created.sid,
    channels,
    proxyInteractions: proxyInteractions.map((interaction) => interaction.sid),
    notFound,
  };
}

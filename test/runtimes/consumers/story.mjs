// The seed story (README's quickstart) with the client's default options,
// against the emulator that the test serves on loopback (over HTTPS with the
// test CA): the outbound SMS interaction, its channels, a participant, an
// invite, the agent's wrap-up, the close, then a Proxy session's log paged,
// one interaction fetched and deleted. It returns what each step saw.
export async function seedStory(sdk, config) {
  const { createInteractionsClient, NotFoundError } = sdk;
  const twilio = createInteractionsClient({
    accountSid: config.accountSid,
    authToken: config.authToken,
    baseUrls: { flex: config.baseUrl, proxy: config.baseUrl },
  });
  const queue = {
    workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    task_channel_unique_name: "sms",
  };
  const interaction = await twilio.flex.interactions.create({
    Channel: {
      type: "sms",
      initiated_by: "agent",
      participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
    },
    Routing: {
      properties: {
        ...queue,
        worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        attributes: { customerName: "first last", customerAddress: "+12345678910" },
      },
    },
  });
  const fetched = await twilio.flex.interactions(interaction.sid).fetch();
  const channels = [];
  for await (const ch of twilio.flex.interactions(interaction.sid).channels.list())
    channels.push(`${ch.sid} ${ch.status}`);
  const channel = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
  const added = await channel.participants.create({
    Type: "external",
    MediaProperties: { address: "+15557654321", proxy_address: "+19255551234" },
  });
  const invite = await channel.invites.create({ Routing: { properties: queue } });
  let wrappedUp = 0;
  for await (const participant of channel.participants.list()) {
    if (participant.type === "agent")
      wrappedUp += (await channel.participants(participant.sid).update({ Status: "wrapup" })) ? 1 : 0;
  }
  const closed = await channel.update({ Status: "closed", Routing: { status: "closed" } });

  const session = twilio.proxy.services(config.proxyServiceSid).sessions(config.proxySessionSid);
  const logs = [];
  for await (const log of session.interactions.list({ PageSize: 2 })) logs.push(log.sid);
  const logged = session.interactions(logs[0]);
  const { data, requestId } = await logged.fetch().withResponse();
  await logged.remove();
  const gone = await logged.fetch().then(
    () => "still there",
    (error) => (error instanceof NotFoundError ? error.name : `${error.name}: ${error.message}`),
  );
  return {
    interaction: interaction.sid === fetched.sid && interaction.sid.startsWith("KD"),
    channels,
    participant: `${added.sid.slice(0, 2)} ${added.type}`,
    invite: invite.sid.slice(0, 2),
    wrappedUp,
    closed: closed.status,
    logs,
    fetched: data.sid === logs[0] && typeof requestId === "string" && requestId.length > 0,
    gone,
  };
}

// The contact-centre flows as a consumer of the packed tarball runs them
// against the emulator: the seed story (create, wait for the channel), a warm
// transfer to a second agent, closing twice, and the cleanup of a
// 500-interaction Proxy session through a 429 storm.
export async function flowsScenario(sdk, testing) {
  const { createInteractionsClient, waitForChannel, transfer, closeChannel, cleanupProxySession } = sdk;
  const emulator = testing.createEmulator({ seed: 7 });
  const twilio = createInteractionsClient(emulator.clientOptions);

  const interaction = await twilio.flex.interactions.create({
    Channel: {
      type: "sms",
      initiated_by: "agent",
      participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
    },
    Routing: {
      properties: {
        workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        task_channel_unique_name: "sms",
        attributes: { customerName: "first last", customerAddress: "+12345678910" },
      },
    },
  });
  const channel = await waitForChannel(twilio, interaction, { timeoutMs: 10_000 });
  const handle = twilio.flex.interactions(interaction.sid).channels(interaction.channel.sid);
  const firstAgent = (await handle.participants.list().toArray()).find((p) => p.type === "agent");

  // The second agent accepts the invite's task and joins, as Flex would.
  const unsubscribe = emulator.subscribe((event) => {
    if (event.type !== "invite.created") return;
    unsubscribe();
    setTimeout(() => {
      void handle.participants.create({
        Type: "agent",
        MediaProperties: { identity: "second agent" },
        RoutingProperties: { task_sid: event.taskSid, worker_sid: "WKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" },
      });
    }, 20);
  });
  const transferred = await transfer(twilio, interaction, {
    to: { workerSid: "WKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" },
    mode: "warm",
    from: firstAgent.sid,
    fromLeavesWith: "complete",
    attributes: { transferReason: "billing" },
    initialDelayMs: 10,
  });
  const [, invited] = emulator.tasks();
  const closedOnce = await closeChannel(twilio, interaction, { tasks: "complete" });
  const closedTwice = await closeChannel(twilio, interaction, { tasks: "complete" });

  const session = emulator.proxySession({ interactions: 500 });
  emulator.fail({ operation: "DeleteProxyInteraction", status: 429, retryAfterSeconds: 0, times: 25 });
  const summary = await cleanupProxySession(twilio, session, { concurrency: 5 });
  const left = await twilio.proxy
    .services(session.serviceSid)
    .sessions(session.sessionSid)
    .interactions.list()
    .toArray();

  return {
    channel: channel.status,
    joined: transferred.joined.type,
    invitedAttributes: {
      customerName: invited.attributes.customerName,
      transferReason: invited.attributes.transferReason,
    },
    closed: [closedOnce.changed, closedTwice.changed, closedTwice.channel.status],
    tasks: emulator.tasks().map((task) => task.status),
    cleanup: {
      deleted: summary.deleted.length,
      failed: summary.failed.length,
      rateLimited: summary.rateLimited,
      left: left.length,
    },
  };
}

// What a user's own test does with twilio-interactions/testing, given the SDK
// and the testing module as the consumer loaded them: the snippet
// in-process, and (where `listen` is asked for) the same over loopback HTTP.
export async function testingScenario(sdk, testing, { overHttp }) {
  const { createInteractionsClient, unwrap } = sdk;
  const emulator = testing.createEmulator({ seed: 42 });
  const inProcess = createInteractionsClient(emulator.clientOptions);
  const result = { inProcess: await story(inProcess, emulator, unwrap) };
  if (overHttp) {
    emulator.reset();
    const server = await emulator.listen();
    try {
      const twilio = createInteractionsClient({ ...server.clientOptions, maxRetries: 0 });
      result.http = await story(twilio, emulator, unwrap);
      result.loopback = Object.values(server.baseUrls).every((url) => url.startsWith("http://127.0.0.1:"));
    } finally {
      await server.close();
    }
  }
  return result;
}

async function story(twilio, emulator, unwrap) {
  const created = await unwrap(
    twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: {
          type: "sms",
          initiated_by: "agent",
          participants: [{ address: "+15551234567", proxy_address: "+15557654321" }],
        },
        Routing: {
          properties: {
            workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          },
        },
      },
    }),
  );
  const path = { InteractionSid: created.sid, ChannelSid: created.channel.sid };
  const agent = await unwrap(
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", {
      params: { path },
      body: { Type: "agent", MediaProperties: { identity: "alice" } },
    }),
  );
  const closed = await unwrap(
    twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
      params: { path: { InteractionSid: created.sid, Sid: created.channel.sid } },
      body: { Status: "closed" },
    }),
  );
  const { serviceSid, sessionSid } = emulator.proxySession({ interactions: 120 });
  const pages = [];
  for await (const page of twilio.proxy
    .paginate("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
      params: { path: { ServiceSid: serviceSid, SessionSid: sessionSid }, query: { PageSize: 50 } },
    })
    .pages()) {
    pages.push(page.items.length);
  }
  return {
    interaction: created.sid,
    agentType: agent.type,
    channel: closed.status,
    tasks: emulator.tasks().map((task) => task.status),
    pages,
  };
}

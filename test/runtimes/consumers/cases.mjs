// The cases every runtime runs against the loopback API, given the SDK module
// it loaded its own way: a GET, the seed story's POST (an outbound SMS
// interaction, Channel and Routing given as objects), `for await` over three
// pages, a 404, a timeout, an abort, and a POST to a refused port (retried
// only where the runtime proves it was never sent). It returns plain data
// that the test compares with what the server saw.
export async function cases(sdk, config) {
  const { createInteractionsClient, unwrap } = sdk;
  let fetchCalls = 0;
  const options = {
    accountSid: config.accountSid,
    authToken: config.authToken,
    baseUrls: { flex: config.baseUrl },
    maxRetries: 0,
  };
  if (config.wire === "fetch") {
    options.fetch = (url, init) => {
      fetchCalls++;
      return globalThis.fetch(url, init);
    };
  }
  const twilio = createInteractionsClient(options);
  // The error a call ends with (undefined when it succeeds), and just its name.
  const caught = (promise) =>
    promise.then(
      () => undefined,
      (error) => error,
    );
  const failure = async (promise) => (await caught(promise))?.name ?? "no error";
  const sid = config.interactionSid;
  const fetched = await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: sid } } }));
  const created = await unwrap(
    twilio.flex.POST("/v1/Interactions", {
      body: { Channel: config.channel, Routing: config.routing },
    }),
  );
  const channels = [];
  for await (const channel of twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
    params: { path: { InteractionSid: sid }, query: { PageSize: 2 } },
  }))
    channels.push(channel.sid);
  const missing = await caught(
    unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: config.missingSid } } })),
  );
  const { name, status, code } = missing ?? {};
  const notFound = { name, status, code, isNotFoundError: missing instanceof sdk.NotFoundError };
  const slow = { params: { path: { Sid: config.slowSid } } };
  const timeout = await failure(unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { ...slow, timeoutMs: 200 })));
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const abort = await failure(
    unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { ...slow, signal: controller.signal })),
  );

  const warnings = [];
  const refused = createInteractionsClient({
    ...options,
    baseUrls: { flex: config.refusedUrl },
    maxRetries: 1,
    logger: { warn: (line) => warnings.push(line) },
  });
  const refusedPost = await failure(refused.flex.POST("/v1/Interactions", { body: { Channel: { type: "sms" } } }));
  return {
    fetched: fetched.sid,
    created: created.sid,
    channels,
    notFound,
    timeout,
    abort,
    refused: { error: refusedPost, retried: warnings.length > 0 },
    fetchCalls,
  };
}

// A TypeScript consumer of the installed package and its testing subpath. The
// test compiles it with moduleResolution node10 (CommonJS), node16 (as
// CommonJS and as ESM) and bundler, with no Node
// types (lib ES2022 + DOM, as in a browser or edge project), and runs the
// output with Node. Each @ts-expect-error fails the compile if the package's
// types are missing or `any`, so a clean compile proves they resolved.
import {
  type FlexClient,
  NotFoundError,
  type Sid,
  TwilioError,
  VERSION,
  WebhookSignatureError,
  asSid,
  createInteractionsClient,
  receiveInteractionEvent,
  twilioSignature,
  unwrap,
  type FlexApi,
} from "twilio-interactions";
import { type Emulator, createEmulator } from "twilio-interactions/testing";

interface ScenarioConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  interactionSid: string;
  missingSid: string;
  serviceSid: string;
  sessionSid: string;
}

// @ts-expect-error "/v1/Nope" is not a GET path of the Flex API
const notAPath: Parameters<FlexClient["GET"]>[0] = "/v1/Nope";
// @ts-expect-error a plain string is not a Sid<"KD">
const notASid: Sid<"KD"> = "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as string;

async function main(config: ScenarioConfig) {
  const twilio = createInteractionsClient({
    accountSid: config.accountSid,
    authToken: config.authToken,
    baseUrls: { flex: config.baseUrl, proxy: config.baseUrl },
    maxRetries: 0,
  });
  const fetched = await unwrap(
    twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: asSid("KD", config.interactionSid) } } }),
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
          properties: {
            workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            task_channel_unique_name: "sms",
          },
        },
      },
    }),
  );
  const channels: FlexApi.InteractionChannel[] = [];
  const channelPages = twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
    params: { path: { InteractionSid: fetched.sid }, query: { PageSize: 2 } },
  });
  for await (const channel of channelPages) channels.push(channel);
  const proxyInteractions = await twilio.proxy
    .paginate("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
      params: { path: { ServiceSid: asSid("KS", config.serviceSid), SessionSid: asSid("KC", config.sessionSid) } },
    })
    .toArray();
  let notFound: Record<string, unknown> | undefined;
  try {
    await unwrap(
      twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: asSid("KD", config.missingSid) } } }),
    );
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    notFound = {
      name: error.name,
      status: error.status,
      code: error.code,
      isNotFoundError: true,
      isTwilioError: error instanceof TwilioError,
    };
  }
  const createdSid: Sid<"KD"> = created.sid;
  const params = {
    EventType: "onParticipantLeft",
    AccountSid: config.accountSid,
    InteractionSid: config.interactionSid,
    ChannelSid: `UO${"a".repeat(32)}`,
    ParticipantSid: `UT${"a".repeat(32)}`,
  };
  const hook = "https://example.org/flex-events";
  const signature = await twilioSignature(config.authToken, hook, params);
  const post = (body: Record<string, string>) =>
    new Request(hook, {
      method: "POST",
      body: new URLSearchParams(body),
      headers: { "x-twilio-signature": signature },
    });
  const received = await receiveInteractionEvent(post(params), { authToken: config.authToken });
  const participant: Sid<"UT"> | undefined =
    received.EventType === "onParticipantLeft" ? received.ParticipantSid : undefined;
  const refused = await receiveInteractionEvent(post({ ...params, ParticipantSid: `UT${"b".repeat(32)}` }), {
    authToken: config.authToken,
  }).catch((error: unknown) => (error instanceof WebhookSignatureError ? error.name : "other"));
  return {
    version: VERSION,
    event: { type: received.EventType, participant, refused },
    fetched: fetched.sid,
    created: createdSid,
    channels: channels.map((channel) => channel.sid),
    proxyInteractions: proxyInteractions.map((interaction) => interaction.sid),
    notFound,
  };
}

// The emulator resolves from its subpath under every moduleResolution, node10 included.
const emulator: Emulator = createEmulator();
emulator.reset();
function misuse() {
  // @ts-expect-error the options are an object, not a string
  createEmulator("fast");
}
void misuse;

const { process } = globalThis as unknown as { process: { env: Record<string, string | undefined> } };
main(JSON.parse(process.env.SMOKE_CONFIG ?? "") as ScenarioConfig).then((result) =>
  console.log(JSON.stringify({ result })),
);

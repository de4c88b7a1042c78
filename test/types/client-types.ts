// Compile-time tests of the client's public types (checked by `npm run
// typecheck`): the README snippet type-checks, SIDs are branded through the
// client, paginate is typed by the spec's list keys, and the SDK's
// per-request options are typed.
import { createInteractionsClient, type Sid, type FlexApi } from "../../src/index";
import { createEmulator } from "../../src/testing/index";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

const twilio = createInteractionsClient({ accountSid: "AC…", authToken: "…" });
declare const plainString: string;

export async function readmeSnippet(): Promise<void> {
  const { data, error } = await twilio.flex.POST("/v1/Interactions", {
    body: {
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
    },
  });
  if (error) throw new Error(error.message);
  assert<Equal<typeof data.sid, Sid<"KD">>>();
  for await (const channel of twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
    params: { path: { InteractionSid: data.sid } },
    limit: 10,
    maxRetries: 0,
  })) {
    assert<Equal<typeof channel.status, FlexApi.ChannelStatus>>();
    assert<Equal<typeof channel.sid, Sid<"UO">>>();
  }
  const page = await twilio.proxy
    .paginate("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
      params: {
        path: { ServiceSid: "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", SessionSid: "KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
      },
    })
    .toArray();
  assert<Equal<(typeof page)[number]["sid"], Sid<"KI">>>();
}

export async function rejected(): Promise<void> {
  const KD = "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as const;
  const routing = { properties: { workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as const } };
  // @ts-expect-error a plain string is not a SID path parameter
  await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: plainString } } });
  // @ts-expect-error a channel SID where an interaction SID is expected
  await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } });
  // @ts-expect-error Channel is required
  await twilio.flex.POST("/v1/Interactions", { body: { Routing: routing } });
  // @ts-expect-error only list operations can be paginated
  twilio.flex.paginate("/v1/Interactions/{Sid}", { params: { path: { Sid: KD } } });
  // @ts-expect-error maxRetries is a number
  await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: KD } }, maxRetries: "2" });
  // @ts-expect-error Proxy has no such path
  await twilio.proxy.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: KD } } });
  const { error } = await twilio.proxy.DELETE("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
    params: {
      path: {
        ServiceSid: "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        SessionSid: "KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        Sid: "KIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      },
    },
  });
  if (error) assert<Equal<typeof error.code, number | undefined>>();
}

export async function leaveNeedsRouting(channel: { InteractionSid: Sid<"KD">; Sid: Sid<"UO"> }): Promise<void> {
  const path = "/v1/Interactions/{InteractionSid}/Channels/{Sid}" as const;
  await twilio.flex.POST(path, {
    params: { path: channel },
    body: { Status: "inactive", Routing: { status: "closed" } },
  });
  // @ts-expect-error Status inactive without Routing {status: closed} does not compile
  await twilio.flex.POST(path, { params: { path: channel }, body: { Status: "inactive" } });
}

// The emulator connects in one expression, in-process or over HTTP, and every SID it hands out is typed by its
// prefix, so it flows into the resource methods with no asSid.
export async function emulatorWiring(): Promise<void> {
  const emulator = createEmulator();
  const inProcess = createInteractionsClient(emulator.clientOptions);
  const server = await emulator.listen();
  const overHttp = createInteractionsClient(server.clientOptions);
  assert<Equal<typeof emulator.clientOptions.accountSid, Sid<"AC">>>();
  const { serviceSid, sessionSid, interactionSids } = emulator.proxySession();
  await inProcess.proxy.services(serviceSid).sessions(sessionSid).interactions(interactionSids[0]!).fetch();
  await overHttp.flex.instances(emulator.flexInstanceSid).interactionWebhooks.list().toArray();
  const [task] = emulator.tasks();
  if (task) await inProcess.flex.interactions(task.interactionSid).channels(task.channelSid).fetch();
  // @ts-expect-error a Proxy session is not a Proxy service
  inProcess.proxy.services(sessionSid);
  await server.close();
}

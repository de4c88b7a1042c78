// Compile-time tests of the generated types, checked by `npm run typecheck`.
// Each `@ts-expect-error` line must fail to compile: if the SID brand or the
// JSON-in-form object types regressed, the directive would be unused and tsc
// would fail. test/spec/type-tests.test.ts proves that happens.
import type { components, paths } from "../../generated/flex";
import type { paths as proxyPaths } from "../../generated/proxy";
import type { Sid } from "../../src/sid";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

type FetchInteractionPath = paths["/v1/Interactions/{Sid}"]["get"]["parameters"]["path"];
type ChannelPath = paths["/v1/Interactions/{InteractionSid}/Channels/{Sid}"]["get"]["parameters"]["path"];
type ProxyPath =
  proxyPaths["/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}"]["delete"]["parameters"]["path"];

declare const plainString: string;
declare const interactionSid: Sid<"KD">;
declare const channelSid: Sid<"UO">;

export const accepted: FetchInteractionPath[] = [
  { Sid: interactionSid },
  { Sid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
];
export const acceptedChannel: ChannelPath = { InteractionSid: interactionSid, Sid: channelSid };

// @ts-expect-error a plain string is not a Sid<"KD">
export const plainForInteraction: FetchInteractionPath = { Sid: plainString };
// @ts-expect-error a channel SID (UO) is not an interaction SID (KD)
export const wrongPrefix: FetchInteractionPath = { Sid: channelSid };
// @ts-expect-error parameters swapped: the channel goes in Sid, the interaction in InteractionSid
export const swapped: ChannelPath = { InteractionSid: channelSid, Sid: interactionSid };
export const wrongApi: ProxyPath = {
  ServiceSid: "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  SessionSid: "KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  // @ts-expect-error a Proxy interaction (KI) path does not take a Flex interaction SID
  Sid: interactionSid,
};

// Response fields are branded too, so they flow into the next call's path.
type Interaction = components["schemas"]["Interaction"];
assert<Equal<Interaction["sid"], Sid<"KD">>>();
assert<Equal<Interaction["channel"]["sid"], Sid<"UO">>>();
assert<Equal<Interaction["interaction_context_sid"], Sid<"HQ"> | null | undefined>>();

// JSON-in-form fields are objects, not strings, in request bodies.
type CreateForm = paths["/v1/Interactions"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"];
type Channel = CreateForm["Channel"];
assert<Equal<Channel["type"], "sms" | "whatsapp" | "web" | "chat" | "email" | "messenger" | "gbm">>();
assert<Equal<Channel["initiated_by"], "customer" | "agent" | "api">>();
// @ts-expect-error Channel is an object: passing a JSON string is a type error
export const channelAsString: Channel = '{"type":"sms","initiated_by":"agent"}';
// @ts-expect-error an unknown channel type is rejected
export const faxChannel: Channel = { type: "fax", initiated_by: "agent" };
export const seedChannel: Channel = {
  type: "sms",
  initiated_by: "agent",
  participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
};
type Routing = NonNullable<CreateForm["Routing"]>;
export const seedRouting: Routing = {
  properties: {
    workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    task_channel_unique_name: "sms",
    // Task attributes are free-form on purpose.
    attributes: { customerName: "first last", anything: { nested: [1, 2, 3] } },
  },
};
// @ts-expect-error a workflow SID is not a workspace SID
export const wrongWorkspace: Routing = { properties: { workspace_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } };

// Twilio's create rules, carried by the types: what a contact needs depends on who starts it.
const SEED_PARTICIPANT = { address: "+12345678910", proxy_address: "+19255551234" } as const;
const WORKSPACE = "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as const;
const AGENT = {
  queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
} as const;
export const creates: CreateForm[] = [
  {
    Channel: { type: "sms", initiated_by: "agent", participants: [SEED_PARTICIPANT] },
    Routing: { properties: { workspace_sid: WORKSPACE, ...AGENT } },
  },
  {
    Channel: {
      type: "chat",
      initiated_by: "customer",
      properties: { media_channel_sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    },
    Routing: { properties: { workspace_sid: WORKSPACE } },
  },
  { Channel: { type: "web", initiated_by: "api", participants: [{ identity: "customer-1" }] } },
  { Channel: { type: "email", initiated_by: "api", participants: [{ address: "ada@example.com", level: "to" }] } },
];
// @ts-expect-error an agent-initiated contact needs Routing.properties.queue_sid
export const agentWithoutQueue: CreateForm = {
  Channel: { type: "sms", initiated_by: "agent", participants: [SEED_PARTICIPANT] },
  Routing: { properties: { workspace_sid: WORKSPACE, worker_sid: AGENT.worker_sid } },
};
// @ts-expect-error an agent-initiated contact needs Routing
export const agentWithoutRouting: CreateForm = {
  Channel: { type: "sms", initiated_by: "agent", participants: [SEED_PARTICIPANT] },
};
export const agentWithoutParticipants: CreateForm = {
  // @ts-expect-error an agent-initiated contact needs participants
  Channel: { type: "sms", initiated_by: "agent" },
  Routing: { properties: { workspace_sid: WORKSPACE, ...AGENT } },
};
export const customerWithoutConversation: CreateForm = {
  // @ts-expect-error a customer-initiated contact names its Conversation (properties.media_channel_sid)
  Channel: { type: "sms", initiated_by: "customer" },
};
export const smsParticipantByIdentity: CreateForm = {
  // @ts-expect-error an SMS participant is an address pair, not an identity
  Channel: { type: "sms", initiated_by: "api", participants: [{ identity: "customer-1" }] },
};

// In responses the same kind of field stays what the wire carries: a JSON string.
assert<Equal<components["schemas"]["TaskRouterTask"]["attributes"], string | undefined>>();

// A channel update is a close or a leave; a leave without Routing {status: closed} is no valid form.
type ChannelUpdate =
  paths["/v1/Interactions/{InteractionSid}/Channels/{Sid}"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"];
export const validUpdates: ChannelUpdate[] = [
  { Status: "closed" },
  { Status: "closed", Routing: { status: "closed" } },
  { Status: "inactive", Routing: { status: "closed" } },
];
// @ts-expect-error leaving the channel (inactive) requires Routing {status: closed}
export const leaveWithoutRouting: ChannelUpdate = { Status: "inactive" };
// @ts-expect-error the only Routing a channel update takes is {status: closed}
export const leaveWithOpenRouting: ChannelUpdate = { Status: "inactive", Routing: { status: "open" } };

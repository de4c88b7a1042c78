// Compile-time tests of the resource methods (checked by `npm run typecheck`
// and, with SIDs weakened to plain strings, by test/spec/type-tests.test.ts):
// results are the named spec types, inputs accept `as const` values, a plain
// string where a SID belongs is refused with a message that names asSid, and
// the options take signal, timeoutMs and maxRetries only.
import {
  type ApiPromise,
  Paginator,
  type Sid,
  type WithResponse,
  asSid,
  createInteractionsClient,
  type FlexApi,
} from "../../src/index";
import type { InteractionChannelParticipantPage } from "../../generated/flex";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

const twilio = createInteractionsClient({ accountSid: "AC…", authToken: "…" });
declare const plainString: string;
declare const kd: Sid<"KD">;
declare const uo: Sid<"UO">;

export async function resourceMethods(): Promise<void> {
  const Channel = {
    type: "sms",
    initiated_by: "agent",
    participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
  } as const;
  const Routing = {
    properties: {
      workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      task_channel_unique_name: "sms",
    },
  } as const;
  const created = twilio.flex.interactions.create({ Channel, Routing });
  assert<Equal<typeof created, ApiPromise<FlexApi.Interaction>>>();
  const interaction = await created;
  assert<Equal<typeof interaction.sid, Sid<"KD">>>();
  const full = await twilio.flex.interactions(interaction.sid).fetch().withResponse();
  assert<Equal<typeof full, WithResponse<FlexApi.Interaction>>>();

  const channel = twilio.flex.interactions(kd).channels(uo);
  const participants = channel.participants.list({ limit: 10, PageSize: 10 });
  assert<
    Equal<typeof participants, Paginator<FlexApi.InteractionChannelParticipant, InteractionChannelParticipantPage>>
  >();
  for await (const p of participants) assert<Equal<typeof p, FlexApi.InteractionChannelParticipant>>();
  await channel.update({ Status: "closed", Routing: { status: "closed" } } as const);
  await twilio.proxy
    .services(asSid("KS", plainString))
    .sessions(asSid("KC", plainString))
    .interactions(asSid("KI", plainString))
    .remove({ maxRetries: 0, timeoutMs: 1000, signal: AbortSignal.timeout(5000) });

  // @ts-expect-error a plain string is not known to be a KD… SID: the message says to use asSid
  twilio.flex.interactions(plainString);
  // @ts-expect-error a UO… SID where a KD… SID belongs
  twilio.flex.interactions(uo);
  // @ts-expect-error a plain string as the channel SID
  twilio.flex.interactions(kd).channels(plainString);
  // @ts-expect-error fetch options other than signal, timeoutMs and maxRetries are not accepted
  await channel.fetch({ cache: "no-store" });
  // @ts-expect-error Status is an enum of the spec
  await channel.participants(asSid("UT", plainString)).update({ Status: "done" });
  // @ts-expect-error Channel is required
  await twilio.flex.interactions.create({ Routing });
}

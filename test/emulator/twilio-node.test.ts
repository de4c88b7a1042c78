// The official `twilio` package, unchanged, tells the whole seed story against
// emulator.listen(): its own form encoding, its own paging (which follows the
// emulator's next_page_url), its own errors. What users of twilio-node get
// from the emulator server must not depend on our client.
import { describe, expect, it } from "vitest";
import { twilioPackage } from "../webhooks/twilio-node";
import { useEmulator } from "./support";

// The part of twilio-node the story uses (the package is installed by the first test run, after tsc).
interface Resource<T> {
  (sid: string): T;
}
interface Listable<T> {
  list(options?: { pageSize?: number }): Promise<T[]>;
}
type Record_ = { sid: string; [field: string]: unknown };
interface Channel {
  fetch(): Promise<Record_>;
  update(params: object): Promise<Record_>;
  participants: Resource<{ update(params: object): Promise<Record_> }> &
    Listable<Record_> & {
      create(params: object): Promise<Record_>;
    };
  invites: { create(params: object): Promise<Record_> };
}
interface TwilioClient {
  flexApi: {
    baseUrl: string;
    v1: {
      interaction: Resource<{ fetch(): Promise<Record_>; channels: Resource<Channel> & Listable<Record_> }> & {
        create(params: object): Promise<Record_ & { channel: { sid: string } }>;
      };
    };
  };
  proxy: {
    baseUrl: string;
    v1: {
      services: Resource<{
        sessions: Resource<{
          interactions: Resource<{ fetch(): Promise<Record_>; remove(): Promise<boolean> }> & Listable<Record_>;
        }>;
      }>;
    };
  };
}

describe("the twilio package against emulator.listen()", () => {
  const ctx = useEmulator("http");

  it("tells the seed story: create, channels, participant, invite, wrap-up, close, Proxy log paged, fetch, delete", async () => {
    const twilio = twilioPackage() as (accountSid: string, authToken: string) => TwilioClient;
    const client = twilio(ctx.emulator.credentials.accountSid, ctx.emulator.credentials.authToken);
    client.flexApi.baseUrl = ctx.baseUrls.flex;
    client.proxy.baseUrl = ctx.baseUrls.proxy;
    const queue = {
      workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      task_channel_unique_name: "sms",
    };
    const flex = client.flexApi.v1;
    const interaction = await flex.interaction.create({
      channel: {
        type: "sms",
        initiated_by: "agent",
        participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
      },
      routing: {
        properties: {
          ...queue,
          worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          attributes: { customerName: "first last", customerAddress: "+12345678910" },
        },
      },
    });
    expect(interaction.sid).toMatch(/^KD[0-9a-f]{32}$/);
    expect((await flex.interaction(interaction.sid).fetch()).sid).toBe(interaction.sid);
    const channels = await flex.interaction(interaction.sid).channels.list();
    expect(channels.map((c) => [c.sid, c.status])).toEqual([[interaction.channel.sid, "active"]]);
    const channel = flex.interaction(interaction.sid).channels(interaction.channel.sid);
    const added = await channel.participants.create({
      type: "external",
      mediaProperties: { address: "+15557654321", proxy_address: "+19255551234" },
    });
    expect(added.sid).toMatch(/^UT/);
    expect((await channel.invites.create({ routing: { properties: queue } })).sid).toMatch(/^KG/);
    let wrappedUp = 0;
    for (const participant of await channel.participants.list()) {
      if (participant.type !== "agent") continue;
      await channel.participants(participant.sid).update({ status: "wrapup" });
      wrappedUp++;
    }
    expect(wrappedUp).toBe(1);
    expect((await channel.update({ status: "closed", routing: { status: "closed" } })).status).toBe("closed");
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["completed", "canceled"]);

    const { serviceSid, sessionSid, interactionSids } = ctx.emulator.proxySession({ interactions: 5 });
    const session = client.proxy.v1.services(serviceSid).sessions(sessionSid);
    // Three pages of two: twilio-node follows each next_page_url the emulator gives.
    const logs = await session.interactions.list({ pageSize: 2 });
    expect(logs.map((l) => l.sid)).toEqual(interactionSids);
    const first = session.interactions(interactionSids[0]!);
    expect((await first.fetch()).sid).toBe(interactionSids[0]);
    expect(await first.remove()).toBe(true);
    await expect(first.fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    expect(ctx.emulator.requests().filter((r) => r.operation === "ListProxyInteraction")).toHaveLength(3);
  });
});

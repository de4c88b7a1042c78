// The acceptance behaviours, through the public client, in-process
// and over HTTP: an agent is an agent; closing with and without Routing
// completes or wraps up the tasks; inactive without Routing is refused; a
// channel is gone 181 days later; a Proxy session of 120 pages by 50.
import { describe, expect, it } from "vitest";
import { TwilioApiError, unwrap } from "twilio-interactions";
import { closeChannel } from "../../examples/close-channel";
import { createOutboundSms } from "../../examples/create-outbound-sms";
import { SEED_ROUTING, SEED_SMS } from "../helpers/seed";
import { TRANSPORTS, useEmulator } from "./support";

describe.each(TRANSPORTS)("emulator acceptance (%s)", (transport) => {
  const ctx = useEmulator(transport);

  const outbound = async () => {
    const interaction = await createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS);
    return { interaction, path: { InteractionSid: interaction.sid, ChannelSid: interaction.channel.sid } };
  };

  it("adds an agent as an agent, with its task, worker and reservation", async () => {
    const { path } = await outbound();
    const agent = await unwrap(
      ctx.twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", {
        params: { path },
        body: { Type: "agent", MediaProperties: { identity: "alice" } },
      }),
    );
    expect(agent.type).toBe("agent");
    expect(agent.routing_properties).toMatchObject({
      task_sid: expect.stringMatching(/^WT/),
      worker_sid: expect.stringMatching(/^WK/),
      reservation_sid: expect.stringMatching(/^WR/),
    });
    const customer = await unwrap(
      ctx.twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", {
        params: { path },
        body: { Type: "customer", MediaProperties: { address: "+15550001111", proxy_address: SEED_SMS.twilioNumber } },
      }),
    );
    expect(customer.type).toBe("customer");
    expect(customer.routing_properties).toBeNull();
  });

  it("closing without Routing leaves the channel's tasks wrapping", async () => {
    const { interaction } = await outbound();
    const channel = await closeChannel(ctx.twilio, interaction.sid, interaction.channel.sid, { completeTasks: false });
    expect(channel.status).toBe("closed");
    expect(ctx.emulator.tasks({ channelSid: channel.sid }).map((t) => t.status)).toEqual(["wrapping"]);
  });

  it('closing with Routing {"status":"closed"} completes the channel\'s tasks', async () => {
    const { interaction } = await outbound();
    await closeChannel(ctx.twilio, interaction.sid, interaction.channel.sid, { completeTasks: true });
    expect(ctx.emulator.tasks({ channelSid: interaction.channel.sid }).map((t) => t.status)).toEqual(["completed"]);
  });

  it("refuses inactive without Routing, with a message naming the rule, and changes nothing", async () => {
    const { interaction } = await outbound();
    const result = await ctx.twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
      params: { path: { InteractionSid: interaction.sid, Sid: interaction.channel.sid } },
      body: { Status: "inactive" } as never,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toMatchObject({
      status: 400,
      code: 20001,
      message: expect.stringMatching(/Routing/),
    });
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["assigned"]);
  });

  it("answers 404 for the channel 181 days later, and the interaction stays", async () => {
    const { interaction } = await outbound();
    const params = { path: { InteractionSid: interaction.sid, Sid: interaction.channel.sid } };
    await unwrap(ctx.twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{Sid}", { params }));
    ctx.emulator.advance({ days: 181 });
    const gone = await ctx.twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{Sid}", { params });
    expect(gone.response.status).toBe(404);
    expect(gone.error).toMatchObject({ code: 20404 });
    await unwrap(ctx.twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: interaction.sid } } }));
  });

  it("pages a Proxy session of 120 interactions by 50: 50, 50, 20, absolute next_page_url", async () => {
    const { serviceSid, sessionSid, interactionSids } = ctx.emulator.proxySession({ interactions: 120 });
    const path = { ServiceSid: serviceSid, SessionSid: sessionSid };
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const page of ctx.twilio.proxy
      .paginate("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
        params: { path, query: { PageSize: 50 } },
      })
      .pages()) {
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.sid));
      const next = page.meta.next_page_url;
      if (next) expect(next.startsWith(`${new URL(page.meta.url).origin}/v1/Services/`)).toBe(true);
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(seen).toEqual(interactionSids);
  });

  it("refuses a wrong token with Twilio's 401 body", async () => {
    const result = await ctx.client({ authToken: "0".repeat(32) }).flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: `KD${"0".repeat(32)}` } },
    });
    expect(result.response.status).toBe(401);
    expect(result.error).toMatchObject({ status: 401, code: 20003 });
    await expect(unwrap(Promise.resolve(result))).rejects.toBeInstanceOf(TwilioApiError);
  });
});

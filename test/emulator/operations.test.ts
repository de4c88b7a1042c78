// Every operation of both APIs through the client against the emulator, in
// one contact-centre story, in-process and over loopback HTTP; every answer
// (errors too) is checked against the spec's response schema with Ajv.
import { describe, expect, it } from "vitest";
import { asSid, createInteractionsClient, unwrap } from "twilio-interactions";
import { createOutboundSms } from "../../examples/create-outbound-sms";
import { API_NAMES, loadSpec, operationsOf } from "../helpers/spec";
import { SEED_ROUTING, SEED_SMS } from "../helpers/seed";
import { checkingFetch } from "./spec-check";
import { TRANSPORTS, useEmulator } from "./support";

describe.each(TRANSPORTS)("every operation against the emulator (%s)", (transport) => {
  const ctx = useEmulator(transport);

  it("answers all 22 operations, each valid for the spec", async () => {
    const http = transport === "http";
    const base = http ? undefined : ctx.emulator.baseUrls;
    const { fetch, answers } = checkingFetch(http ? globalThis.fetch : ctx.emulator.fetch);
    const server = http ? await ctx.emulator.listen() : undefined;
    try {
      const twilio = createInteractionsClient({
        ...(server ?? ctx.emulator).clientOptions,
        maxRetries: 0,
        fetch,
        baseUrls: server?.baseUrls ?? base,
      });
      const created = await createOutboundSms(twilio, SEED_ROUTING, SEED_SMS);
      const KD = { InteractionSid: created.sid };
      const channel = { ...KD, ChannelSid: created.channel.sid };
      await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: created.sid } } }));
      await unwrap(
        twilio.flex.POST("/v1/Interactions/{Sid}", {
          params: { path: { Sid: created.sid } },
          body: { WebhookTtid: "flex_interactionwebhook_00000000000000000000000000" },
        }),
      );
      const channels = await unwrap(
        twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels", { params: { path: KD } }),
      );
      expect(channels.channels.map((c) => c.status)).toEqual(["active"]);
      await unwrap(
        twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
          params: { path: { ...KD, Sid: created.channel.sid } },
        }),
      );
      const participants = "/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants" as const;
      const agent = await unwrap(
        twilio.flex.POST(participants, {
          params: { path: channel },
          body: { Type: "agent", MediaProperties: { identity: "bob" } },
        }),
      );
      const listed = await unwrap(twilio.flex.GET(participants, { params: { path: channel, query: { PageSize: 2 } } }));
      expect(listed.participants.map((p) => p.type)).toEqual(["customer", "agent"]);
      expect(listed.meta.next_page_url).toContain("PageToken=PA");
      await unwrap(
        twilio.flex.POST(`${participants}/{Sid}`, {
          params: { path: { ...channel, Sid: agent.sid } },
          body: { Status: "wrapup" },
        }),
      );
      const invites = "/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites" as const;
      await unwrap(
        twilio.flex.POST(invites, {
          params: { path: channel },
          body: {
            Routing: { properties: { workspace_sid: SEED_ROUTING.workspaceSid, queue_sid: SEED_ROUTING.queueSid } },
          },
        }),
      );
      expect((await unwrap(twilio.flex.GET(invites, { params: { path: channel } }))).invites).toHaveLength(1);
      const transfers = "/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers" as const;
      const transfer = await unwrap(
        twilio.flex.POST(transfers, {
          params: { path: channel },
          body: { type: "cold", from: agent.sid, to: SEED_ROUTING.workflowSid },
        }),
      );
      expect(transfer.status).toBe("active");
      const transferPath = { params: { path: { ...channel, Sid: transfer.sid } } };
      await unwrap(twilio.flex.GET(`${transfers}/{Sid}`, transferPath));
      const done = await unwrap(
        twilio.flex.POST(`${transfers}/{Sid}`, { ...transferPath, body: { status: "completed" } }),
      );
      expect(done.status).toBe("completed");
      const closed = await unwrap(
        twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
          params: { path: { ...KD, Sid: created.channel.sid } },
          body: { Status: "inactive", Routing: { status: "closed" } },
        }),
      );
      expect(closed.status).toBe("inactive");

      const hooks = twilio.flex.instances(asSid("GO", ctx.emulator.flexInstanceSid)).interactionWebhooks;
      const hook = await hooks.create({
        Type: "interaction",
        WebhookUrl: "https://example.org/flex-events",
        WebhookMethod: "POST",
        WebhookEvents: ["onParticipantLeft"],
      });
      expect((await hooks.list({ type: "interaction" }).toArray()).map((h) => h.ttid)).toEqual([hook.ttid]);
      expect((await hooks(hook.ttid).fetch()).webhook_events).toEqual(["onParticipantLeft"]);
      const events = ["onParticipantLeft", "onChannelStatusUpdated"] as const;
      expect((await hooks(hook.ttid).update({ WebhookEvents: events })).webhook_events).toEqual(events);
      await hooks(hook.ttid).remove();
      await expect(hooks(hook.ttid).fetch()).rejects.toMatchObject({ status: 404 });

      const session = ctx.emulator.proxySession({ interactions: 3 });
      const SESSION = { ServiceSid: session.serviceSid, SessionSid: session.sessionSid };
      const list = "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions" as const;
      expect((await unwrap(twilio.proxy.GET(list, { params: { path: SESSION } }))).interactions).toHaveLength(3);
      const one = { params: { path: { ...SESSION, Sid: session.interactionSids[0]! } } };
      await unwrap(twilio.proxy.GET(`${list}/{Sid}`, one));
      expect((await twilio.proxy.DELETE(`${list}/{Sid}`, one)).response.status).toBe(204);
      expect((await twilio.proxy.GET(`${list}/{Sid}`, one)).response.status).toBe(404);
      // Errors are spec-valid too.
      expect(
        (await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: `KD${"f".repeat(32)}` } } })).response
          .status,
      ).toBe(404);

      const specified = API_NAMES.flatMap((api) =>
        operationsOf(loadSpec(api)).map(({ op }) => op.operationId as string),
      );
      expect(new Set(answers.map((a) => a.operationId))).toEqual(new Set(specified));
      expect(
        answers.filter((a) => a.errors.length).map((a) => `${a.operationId} ${a.status}: ${a.errors.join("; ")}`),
      ).toEqual([]);
      expect(answers.filter((a) => !/^RQ[0-9a-zA-Z]{32}$/.test(a.requestId ?? ""))).toEqual([]);
    } finally {
      await server?.close();
    }
  });
});

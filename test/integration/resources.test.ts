// The resource methods, as issue 12 shows them, against the Prism mock: each
// call sends the operation it is generated from, the mock finds nothing in it
// that breaks the spec, and the results and errors are the typed ones.
import { describe, expect, it } from "vitest";
import {
  InvalidSidError,
  NotFoundError,
  Paginator,
  TwilioValidationError,
  createInteractionsClient,
} from "twilio-interactions";
import { inject } from "vitest";
import { MOCK_CREDENTIALS } from "../../scripts/mock/interactions-mock.mts";
import {
  CHANNEL_SID,
  INTERACTION_SID,
  PARTICIPANT_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../helpers/fixtures";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../helpers/seed";
import { recordingClient } from "./support/recording-client";
import { operationOf, requestBodyErrors } from "./support/wire";

const TRANSFER_SID = "UXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

describe("resource methods against the mock", () => {
  it("run the issue's snippet, one operation per call, each valid by the spec", async () => {
    const { twilio, sent } = recordingClient();
    const Channel = SEED_CHANNEL;
    const Routing = SEED_ROUTING_PARAMS;
    const ks = SERVICE_SID;
    const kc = SESSION_SID;
    const ki = PROXY_INTERACTION_SID;
    const ut = PARTICIPANT_SID;
    const ux = TRANSFER_SID;

    const interaction = await twilio.flex.interactions.create({ Channel, Routing });
    await twilio.flex.interactions(interaction.sid).fetch();
    await twilio.flex.interactions(interaction.sid).update({ WebhookTtid: "flex_interactionwebhook_0" });
    const kd = interaction.sid;
    const uo = interaction.channel.sid;
    const channels = [];
    for await (const ch of twilio.flex.interactions(kd).channels.list()) channels.push(ch.sid);
    const channel = twilio.flex.interactions(kd).channels(uo);
    await channel.fetch();
    await channel.update({ Status: "closed", Routing: { status: "closed" } });
    await channel.participants.create({
      Type: "agent",
      MediaProperties: { address: "+12345678910", proxy_address: "+19255551234" },
    });
    const participants = [];
    for await (const p of channel.participants.list({ limit: 10 })) participants.push(p.type);
    await channel.participants(ut).update({ Status: "wrapup" });
    await channel.invites.create({ Routing });
    const invites = await channel.invites.list().toArray();
    await channel.transfers.create({ type: "warm", to: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
    await channel.transfers(ux).fetch();
    await channel.transfers(ux).update({ status: "completed" });

    const logs = [];
    for await (const i of twilio.proxy.services(ks).sessions(kc).interactions.list()) logs.push(i.sid);
    await twilio.proxy.services(ks).sessions(kc).interactions(ki).fetch();
    await twilio.proxy.services(ks).sessions(kc).interactions(ki).remove();

    expect(interaction.sid).toMatch(/^KD[0-9a-f]{32}$/);
    expect(channels.length).toBeGreaterThan(0);
    expect(participants.length).toBeGreaterThan(0);
    expect(invites.length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(0);
    expect(sent.map((request) => operationOf(request).operationId)).toEqual([
      "CreateInteraction",
      "FetchInteraction",
      "UpdateInteraction",
      "ListInteractionChannel",
      "FetchInteractionChannel",
      "UpdateInteractionChannel",
      "CreateInteractionChannelParticipant",
      "ListInteractionChannelParticipant",
      "UpdateInteractionChannelParticipant",
      "CreateInteractionChannelInvite",
      "ListInteractionChannelInvite",
      "CreateInteractionTransfer",
      "FetchInteractionTransfer",
      "UpdateInteractionTransfer",
      "ListProxyInteraction",
      "FetchProxyInteraction",
      "DeleteProxyInteraction",
    ]);
    for (const request of sent) {
      expect(request.violations, `${request.method} ${request.url.pathname}`).toBeNull();
      expect(requestBodyErrors(request)).toEqual([]);
    }
    const participantsQuery = sent.find((r) => operationOf(r).operationId === "ListInteractionChannelParticipant")!;
    expect(participantsQuery.url.searchParams.get("PageSize")).toBe("10");
  });

  it("give the HTTP response and request ID with withResponse()", async () => {
    const { twilio } = recordingClient();
    const call = twilio.flex.interactions(INTERACTION_SID).fetch();
    const { data, response, requestId } = await call.withResponse();
    expect(data.sid).toBe(INTERACTION_SID);
    expect(response.status).toBe(200);
    expect(requestId).toBe(response.headers.get("twilio-request-id") ?? undefined);
    expect((await call).sid).toBe(data.sid);
    const removal = await twilio.proxy
      .services(SERVICE_SID)
      .sessions(SESSION_SID)
      .interactions(PROXY_INTERACTION_SID)
      .remove()
      .withResponse();
    expect(removal.response.status).toBe(204);
    expect(removal.data).toBeUndefined();
  });

  it("return the Paginator from list()", () => {
    const { twilio } = recordingClient();
    expect(twilio.flex.interactions(INTERACTION_SID).channels.list()).toBeInstanceOf(Paginator);
  });

  it("throw the typed error of a failed call", async () => {
    const twilio = createInteractionsClient({
      ...MOCK_CREDENTIALS,
      baseUrls: inject("mockUrls"),
      maxRetries: 0,
      // Prism answers with the example of the status asked for.
      fetch: (url, init) =>
        globalThis.fetch(url, {
          ...init,
          headers: { ...Object.fromEntries(new Headers(init.headers)), prefer: "code=404" },
        }),
    });
    const error = await twilio.flex
      .interactions(INTERACTION_SID)
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    // Only .withResponse() is read: the plain promise's rejection must not go unhandled (vitest fails the run if it does).
    await expect(twilio.flex.interactions(INTERACTION_SID).fetch().withResponse()).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Handles destructure: their methods and sub-resources do not depend on `this` at the call.
    const { channels, fetch } = twilio.flex.interactions(INTERACTION_SID);
    await expect(fetch()).rejects.toBeInstanceOf(NotFoundError);
    await expect(channels(CHANNEL_SID).fetch()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuse bad SIDs, params and options before sending", async () => {
    const { twilio, sent } = recordingClient();
    const wrongPrefix = "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as unknown as `KD${string}`;
    expect(() => twilio.flex.interactions(wrongPrefix)).toThrow(InvalidSidError);
    expect(() => twilio.flex.interactions(wrongPrefix)).toThrow(/InteractionSid must be a KD… SID/);
    const interaction = twilio.flex.interactions(INTERACTION_SID);
    const unknownOption = { signal: undefined, cache: "no-store" } as unknown as { signal: undefined };
    expect(() => interaction.fetch(unknownOption)).toThrow(TwilioValidationError);
    expect(() => interaction.fetch(unknownOption)).toThrow(/signal, timeoutMs and maxRetries, not "cache"/);
    const notAnObject = "closed" as unknown as { Status: "closed" };
    expect(() => interaction.channels(CHANNEL_SID).update(notAnObject)).toThrow(
      /params of update\(\) must be an object/,
    );
    expect(() => interaction.channels.list({ limit: 0 })).toThrow(/limit must be a positive integer/);
    expect(sent).toEqual([]);
  });
});

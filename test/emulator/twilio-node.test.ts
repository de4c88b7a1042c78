// The `twilio` package's own calls for the seed story, sent to the emulator
// over HTTP: the emulator checks every request against our spec, so each
// answer below 300 shows that our description accepts what twilio-node sends
// (its JSON-in-form fields, its form encoding, its paging), create rules
// included.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Emulator, type EmulatorServer, createEmulator } from "twilio-interactions/testing";
import { SEED_ROUTING_PARAMS } from "../helpers/seed";
import { twilioClient } from "../webhooks/twilio-node";

let emulator: Emulator;
let server: EmulatorServer;
beforeAll(async () => {
  emulator = createEmulator({ seed: 21 });
  server = await emulator.listen();
});
afterAll(() => server?.close());

it("accepts every request of the seed story as the twilio package sends it", async () => {
  const client = twilioClient(emulator.credentials.accountSid, emulator.credentials.authToken);
  client.flexApi.baseUrl = server.baseUrls.flex;
  client.proxy.baseUrl = server.baseUrls.proxy;
  const { serviceSid, sessionSid, interactionSids } = emulator.proxySession({ interactions: 120 });

  // The seed's request as Twilio's docs write it with the twilio package (its Twilio number included).
  const interaction = await client.flexApi.v1.interaction.create({
    channel: {
      type: "sms",
      initiated_by: "agent",
      participants: [{ address: "+12345678910", proxy_address: "+192555512345" }],
    },
    routing: SEED_ROUTING_PARAMS,
  });
  const contact = client.flexApi.v1.interaction(interaction.sid);
  await contact.fetch();
  const [listed] = await contact.channels.list();
  const channel = contact.channels(listed.sid);
  const agent = (await channel.participants.list()).find((p: { type: string }) => p.type === "agent");
  await channel.participants.create({
    type: "external",
    mediaProperties: { address: "+15557654321", proxy_address: "+19255551234" },
  });
  await channel.invites.create({ routing: { properties: { workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } });
  await channel.participants(agent.sid).update({ status: "wrapup" });
  await channel.update({ status: "closed", routing: { status: "closed" } });
  const session = client.proxy.v1.services(serviceSid).sessions(sessionSid);
  const logged = await session.interactions.list({ pageSize: 50 });
  await session.interactions(interactionSids[0]).fetch();
  await session.interactions(interactionSids[0]).remove();

  expect(logged).toHaveLength(120);
  const answers = emulator.requests().map((r) => `${r.operation} ${r.status}`);
  expect(answers.filter((answer) => !/ 2\d\d$/.test(answer))).toEqual([]);
  expect(answers).toContain("ListProxyInteraction 200");
  // The agent's task completed; the invite's, never accepted, canceled (the default reading).
  expect(emulator.tasks().map((task) => task.status)).toEqual(["completed", "canceled"]);
});

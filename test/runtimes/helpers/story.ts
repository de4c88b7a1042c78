// The emulator of the installed package served on loopback over HTTP or
// HTTPS (with the test CA's certificate), for the seed story. emulator.listen()
// speaks plain HTTP only, so this front takes the requests itself and answers
// through the emulator's in-process fetch: Proxy paths (/v1/Services…) to its
// Proxy API, the rest to its Flex API. The emulator's in-process origins in
// the answers (page links, resource URLs) become the front's own.
import { join } from "node:path";
import { expect } from "vitest";
import { pathToFileURL } from "node:url";
import type { Emulator } from "../../../src/testing";
import { type TestServer, type TlsOptions, startServer } from "../../helpers/server";

type Testing = typeof import("../../../src/testing");

/** What a story run gets as its config (JSON). */
export interface StoryConfig {
  suite: "story";
  baseUrl: string;
  accountSid: string;
  authToken: string;
  proxyServiceSid: string;
  proxySessionSid: string;
}

/** A fresh emulator from `project`'s install with a Proxy session of five interactions, served at `server.url`. */
export async function startEmulatorFront(
  project: string,
  tls?: TlsOptions,
): Promise<{ server: TestServer; emulator: Emulator; config: StoryConfig }> {
  const entry = join(project, "node_modules/twilio-interactions/dist/testing.mjs");
  const { createEmulator } = (await import(pathToFileURL(entry).href)) as Testing;
  const emulator = createEmulator({ seed: 14 });
  const session = emulator.proxySession({ interactions: 5 });
  const inProcess = Object.values(emulator.baseUrls);
  const server = await startServer(async (request, response) => {
    const api = request.url.startsWith("/v1/Services") ? "proxy" : "flex";
    const headers = Object.entries(request.headers).flatMap(([name, value]) =>
      typeof value === "string" && !["host", "connection", "content-length"].includes(name) ? [[name, value]] : [],
    ) as [string, string][];
    const answer = await emulator.fetch(`${emulator.baseUrls[api]}${request.url}`, {
      method: request.method,
      headers,
      body: request.method === "GET" || request.method === "DELETE" ? undefined : request.body,
    });
    let body = await answer.text();
    for (const origin of inProcess) body = body.replaceAll(origin, server.url);
    const kept = [...answer.headers].filter(([name]) => !["content-length", "content-encoding"].includes(name));
    response.writeHead(answer.status, Object.fromEntries(kept));
    response.end(body);
  }, tls);
  const config: StoryConfig = {
    suite: "story",
    baseUrl: server.url,
    ...emulator.credentials,
    proxyServiceSid: session.serviceSid,
    proxySessionSid: session.sessionSid,
  };
  return { server, emulator, config };
}

/** Checks a story run's result and that every step crossed the wire to the front, with the emulator's credentials. */
export function expectStory(result: unknown, server: TestServer, config: StoryConfig): void {
  expect(result).toEqual({
    interaction: true,
    channels: [expect.stringMatching(/^UO[0-9a-f]{32} active$/)],
    participant: "UT external",
    invite: "KG",
    wrappedUp: 1,
    closed: "closed",
    logs: expect.arrayContaining([expect.stringMatching(/^KI[0-9a-f]{32}$/)]),
    fetched: true,
    gone: "NotFoundError",
  });
  expect((result as { logs: string[] }).logs).toHaveLength(5);
  const channel = "/v1/Interactions/KD…/Channels/UO…";
  const session = `/v1/Services/${config.proxyServiceSid}/Sessions/${config.proxySessionSid}/Interactions`;
  const masked = server.requests.map((r) => `${r.method} ${r.url}`.replace(/(KD|UO|UT|KI)[0-9a-f]{32}/g, "$1…"));
  expect(masked).toEqual([
    "POST /v1/Interactions",
    "GET /v1/Interactions/KD…",
    "GET /v1/Interactions/KD…/Channels",
    `POST ${channel}/Participants`,
    `POST ${channel}/Invites`,
    `GET ${channel}/Participants`,
    `POST ${channel}/Participants/UT…`,
    `POST ${channel}`,
    `GET ${session}?PageSize=2`,
    `GET ${session}?PageSize=2&Page=1&PageToken=PAKI…`,
    `GET ${session}?PageSize=2&Page=2&PageToken=PAKI…`,
    `GET ${session}/KI…`,
    `DELETE ${session}/KI…`,
    `GET ${session}/KI…`,
  ]);
  const basic = `Basic ${btoa(`${config.accountSid}:${config.authToken}`)}`;
  for (const request of server.requests) expect(request.headers.authorization).toBe(basic);
}

// The matrix every runtime runs: HTTP and HTTPS, the default wire and a fetch
// option. Each runtime file starts one API server per protocol and checks
// each run's result and what the server saw with expectCases.
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { ACCOUNT_SID, AUTH_TOKEN, INTERACTION_SID } from "../../helpers/fixtures";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../../helpers/seed";
import type { TestServer } from "../../helpers/server";
import { CHANNEL_SIDS, type CaseConfig, MISSING_SID, SLOW_SID, apiRequests, caseConfig, startApi } from "./api";

export type Protocol = "http" | "https";
export const MATRIX: { protocol: Protocol; wire: CaseConfig["wire"] }[] = [
  { protocol: "http", wire: "default" },
  { protocol: "http", wire: "fetch" },
  { protocol: "https", wire: "default" },
  { protocol: "https", wire: "fetch" },
];

/** What a runtime must show, besides the common results. */
export interface RuntimeExpectations {
  /** The runtime part of the User-Agent, or `undefined` where the runtime sets its own (browsers). */
  userAgent: RegExp | undefined;
  /** Whether a refused POST is retried: only where the runtime proves it was never sent. */
  refusedRetried: boolean;
  /**
   * A request header that only the runtime's fetch adds (not its node:http), so
   * its presence shows which wire sent; `undefined` where nothing on the wire
   * tells them apart (workerd builds its node:http on fetch).
   */
  fetchHeader: string | undefined;
  /** Whether the default wire is node:http (absent fetchHeader) rather than fetch. */
  defaultIsNodeHttp: boolean;
}

/** A free port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts the HTTP and HTTPS API servers for a test file; `config(protocol, wire)` builds a run's config. */
export function useServers(): {
  server(protocol: Protocol): TestServer;
  config(protocol: Protocol, wire: CaseConfig["wire"]): CaseConfig;
} {
  const { project, certificates } = inject("runtimes");
  const servers = {} as Record<Protocol, TestServer>;
  let refused = 0;
  beforeAll(async () => {
    servers.http = await startApi(project);
    servers.https = await startApi(project, certificates);
    refused = await freePort();
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  });
  return {
    server: (protocol) => servers[protocol],
    config(protocol, wire) {
      servers[protocol].reset();
      return caseConfig(servers[protocol], `${protocol}://127.0.0.1:${refused}`, wire);
    },
  };
}

/** Checks a run's result and the requests the server received during it. */
export function expectCases(
  result: unknown,
  server: TestServer,
  wire: CaseConfig["wire"],
  expected: RuntimeExpectations,
) {
  const requests = apiRequests(server.requests);
  const calls = [
    `GET /v1/Interactions/${INTERACTION_SID}`,
    "POST /v1/Interactions",
    `GET /v1/Interactions/${INTERACTION_SID}/Channels?PageSize=2`,
    `GET /v1/Interactions/${INTERACTION_SID}/Channels?PageSize=2&Page=1&PageToken=PT1`,
    `GET /v1/Interactions/${INTERACTION_SID}/Channels?PageSize=2&Page=2&PageToken=PT2`,
    `GET /v1/Interactions/${MISSING_SID}`,
    `GET /v1/Interactions/${SLOW_SID}`,
    `GET /v1/Interactions/${SLOW_SID}`,
  ];
  expect(result).toEqual({
    fetched: INTERACTION_SID,
    created: INTERACTION_SID,
    channels: CHANNEL_SIDS,
    notFound: { name: "NotFoundError", status: 404, code: 20404, isNotFoundError: true },
    timeout: "TwilioTimeoutError",
    abort: "TwilioAbortError",
    refused: { error: "TwilioConnectionError", retried: expected.refusedRetried },
    // The fetch option is called for every attempt, the refused ones included, and never otherwise.
    fetchCalls: wire === "fetch" ? calls.length + (expected.refusedRetried ? 2 : 1) : 0,
  });
  expect(requests).toEqual(calls);

  const basic = `Basic ${btoa(`${ACCOUNT_SID}:${AUTH_TOKEN}`)}`;
  const sentByFetch = wire === "fetch" || !expected.defaultIsNodeHttp;
  for (const request of server.requests.filter((r) => !r.url.startsWith("/runtime/"))) {
    expect(request.headers.authorization).toBe(basic);
    if (expected.userAgent) expect(request.headers["user-agent"]).toMatch(expected.userAgent);
    const { fetchHeader } = expected;
    if (fetchHeader) expect(request.headers[fetchHeader] !== undefined, `${fetchHeader} header`).toBe(sentByFetch);
  }
  const form = new URLSearchParams(server.requests.find((r) => r.method === "POST")?.body);
  expect(JSON.parse(form.get("Channel") ?? "null")).toEqual(SEED_CHANNEL);
  expect(JSON.parse(form.get("Routing") ?? "null")).toEqual(SEED_ROUTING_PARAMS);
}

/** Parses the JSON a runtime printed on its last line of output. */
export function lastJsonLine(stdout: string, what: string): unknown {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last);
  } catch {
    throw new Error(`${what} did not end with a JSON line:\n${stdout}`);
  }
}

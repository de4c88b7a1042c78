// createInteractionsClient against any options: it returns a client or throws
// TwilioConfigError (never another error), calls no fetch while doing so,
// never repeats a secret in a message or in the client's printed form, and
// routes any valid region/edge pair to the documented host.
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TwilioConfigError, createInteractionsClient } from "twilio-interactions";
import { clearTwilioEnv } from "../helpers/env";
import { RUNS, anyString, junk, sidOrJunk } from "./arbitraries";

// The options alone decide: no credentials or routing from the environment.
beforeAll(clearTwilioEnv);
afterAll(() => vi.unstubAllEnvs());

const OPTION_NAMES = [
  "accountSid",
  "authToken",
  "apiKey",
  "apiSecret",
  "region",
  "edge",
  "baseUrls",
  "maxRetries",
  "timeoutMs",
  "maxResponseBytes",
  "maxSocketsPerOrigin",
  "fetch",
  "logger",
  "userAgent",
];

/** Secrets carry a marker, so "the message contains the secret" cannot be a coincidence. */
const secret = fc.stringMatching(/^[\x21-\x7e]{4,40}$/).map((s) => `Zq${s}Secret`);
// Labels include "constructor", a valid DNS label that is also a property of every object.
const label = fc.oneof(
  fc.constantFrom("us1", "ie1", "au1", "IE1", "us2", "dublin", "sydney", "gll", "constructor", "Constructor"),
  fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/),
);
const baseUrl = fc.oneof(
  fc.constantFrom(
    "http://127.0.0.1:4010",
    "https://flex.example.com/",
    "http://example.com",
    "https://u:p@example.com",
  ),
  fc.webUrl(),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** A fetch that fails the test if the client calls it. */
let fetchCalls = 0;
const recordingFetch = () => {
  fetchCalls++;
  return Promise.reject(new Error("fetch must not be called"));
};

// Valid options (either kind of credential), then (half the time) up to three fields replaced
// by junk, removed, or added under an unknown name: both outcomes are common.
const validOptions = fc
  .record(
    {
      credentials: fc.oneof(
        fc.record({ accountSid: sidOrJunk("AC"), authToken: secret }),
        fc.record(
          { accountSid: sidOrJunk("AC"), apiKey: sidOrJunk("SK"), apiSecret: secret },
          { requiredKeys: ["apiKey", "apiSecret"] },
        ),
      ),
      region: optional(label),
      edge: optional(label),
      baseUrls: optional(fc.record({ flex: baseUrl, proxy: baseUrl }, { requiredKeys: [] })),
      maxRetries: optional(fc.integer({ min: 0, max: 10 })),
      timeoutMs: optional(fc.integer({ min: 1, max: 2 ** 31 - 1 })),
      maxResponseBytes: optional(fc.integer({ min: 1, max: 2 ** 40 })),
      maxSocketsPerOrigin: optional(fc.integer({ min: 1, max: 10_000 })),
      fetch: optional(fc.constant(recordingFetch)),
      logger: optional(fc.constant({})),
      userAgent: optional(fc.stringMatching(/^[\x20-\x7e]{0,20}$/)),
    },
    { requiredKeys: ["credentials"] },
  )
  .map(({ credentials, ...rest }) => ({ ...credentials, ...rest }));
const change = fc.tuple(
  fc.constantFrom(...OPTION_NAMES, "unknownOption", "baseUrl"),
  fc.oneof(junk, anyString, secret, fc.constant(undefined)),
);
const options = fc
  .tuple(validOptions, fc.oneof(fc.constant([]), fc.array(change, { minLength: 1, maxLength: 3 })))
  .map(([valid, changes]) => Object.assign({ ...valid }, Object.fromEntries(changes)) as Record<string, unknown>);

function attempt(input: unknown): { client?: ReturnType<typeof createInteractionsClient>; error?: unknown } {
  try {
    return { client: createInteractionsClient(input as never) };
  } catch (error) {
    return { error };
  }
}

describe("client options, fuzzed", () => {
  it("any options: a client or a TwilioConfigError, no fetch call, no secret repeated", () => {
    let created = 0;
    fetchCalls = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: options }, { weight: 1, arbitrary: junk }), (input) => {
        const { client, error } = attempt(input);
        const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
        const secrets = Object.values(o).filter((v): v is string => typeof v === "string" && v.startsWith("Zq"));
        if (client) {
          created++;
          expect(typeof client.flex.GET).toBe("function");
          const printed = `${inspect(client, { depth: 10, showHidden: true })} ${JSON.stringify(client)}`;
          for (const s of secrets) expect(printed).not.toContain(s);
          return;
        }
        expect(error).toBeInstanceOf(TwilioConfigError);
        expect((error as Error).constructor).toBe(TwilioConfigError);
        // Only the secret options are protected: a secret pasted into region or baseUrls is named to say what is wrong.
        const protectedSecrets = [o.authToken, o.apiSecret, o.accountSid, o.apiKey].filter((v) =>
          secrets.includes(v as string),
        );
        const printed = `${(error as Error).message} ${JSON.stringify(error)} ${inspect(error)}`;
        for (const s of protectedSecrets) expect(printed).not.toContain(s);
      }),
      {
        numRuns: RUNS,
        // Found by this property: non-string routing options used to escape as a TypeError.
        examples: [
          [{ accountSid: `AC${"0".repeat(32)}`, authToken: "token", region: 5 }],
          [{ apiKey: `SK${"0".repeat(32)}`, apiSecret: "s", edge: {} }],
        ],
      },
    );
    expect(fetchCalls).toBe(0);
    // The generator reaches the success path too, not only rejections.
    expect(created).toBeGreaterThan(RUNS / 50);
  });

  it("any valid region and edge route to https://{product}.{edge}.{region}.twilio.com, or need an edge", () => {
    const LEGACY: Record<string, string> = {
      au1: "sydney",
      br1: "sao-paulo",
      de1: "frankfurt",
      ie1: "dublin",
      jp1: "tokyo",
      sg1: "singapore",
      us1: "ashburn",
      us2: "umatilla",
      gll: "roaming",
    };
    const DEFAULT_EDGE: Record<string, string> = { ie1: "dublin", au1: "sydney" };
    const own = (map: Record<string, string>, key: string | undefined) =>
      key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
    fc.assert(
      fc.property(optional(label), optional(label), (region, edge) => {
        const { client, error } = attempt({ accountSid: `AC${"0".repeat(32)}`, authToken: "token", region, edge });
        const r = region?.toLowerCase() ?? "us1";
        let e = edge === undefined ? undefined : (own(LEGACY, edge.toLowerCase()) ?? edge.toLowerCase());
        if (!e && r !== "us1") e = own(DEFAULT_EDGE, r);
        if (!e && r !== "us1") {
          expect(error).toBeInstanceOf(TwilioConfigError);
          expect((error as Error).message).toMatch(/needs an edge/);
          return;
        }
        expect(error).toBeUndefined();
        const host = (product: string) => (e ? `${product}.${e}.${r}.twilio.com` : `${product}.twilio.com`);
        expect(client!.flex.baseUrl).toBe(`https://${host("flex-api")}`);
        expect(client!.proxy.baseUrl).toBe(`https://${host("proxy")}`);
      }),
      {
        numRuns: RUNS,
        // Found by this property: "constructor" used to be looked up on Object.prototype and silently dropped.
        examples: [
          [undefined, "constructor"],
          ["constructor", undefined],
        ],
      },
    );
  });
});

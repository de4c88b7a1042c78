// Credentials: each accepted form reaches the server as the right Basic
// header; each missing or malformed form fails at construction with a message
// that names the problem and never the secret.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TwilioConfigError, createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, API_KEY, API_SECRET, AUTH_TOKEN, INTERACTION_SID, secretForms } from "../helpers/fixtures";
import { clearTwilioEnv } from "../helpers/env";
import { type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, { sid: INTERACTION_SID }));
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  server.reset();
});

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
const fetchOne = (options: Parameters<typeof createInteractionsClient>[0]) =>
  createInteractionsClient({ ...options, baseUrls: { flex: server.url } }).flex.GET("/v1/Interactions/{Sid}", {
    params: { path: { Sid: INTERACTION_SID } },
  });

describe("accepted credentials", () => {
  it.each([
    ["Account SID and Auth Token", { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, basic(ACCOUNT_SID, AUTH_TOKEN)],
    ["API key and secret", { apiKey: API_KEY, apiSecret: API_SECRET }, basic(API_KEY, API_SECRET)],
    [
      "API key with the Account SID alongside",
      { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET },
      basic(API_KEY, API_SECRET),
    ],
  ])("%s go out as HTTP Basic", async (_name, options, header) => {
    clearTwilioEnv();
    const { data } = await fetchOne(options);
    expect(data).toEqual({ sid: INTERACTION_SID });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([header]);
  });

  it("fall back to TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN", async () => {
    clearTwilioEnv();
    vi.stubEnv("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
    vi.stubEnv("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
    await fetchOne({});
    expect(server.requests[0]?.headers.authorization).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
  });

  it("prefer TWILIO_API_KEY and TWILIO_API_SECRET when both kinds are in the environment", async () => {
    clearTwilioEnv();
    vi.stubEnv("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
    vi.stubEnv("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
    vi.stubEnv("TWILIO_API_KEY", API_KEY);
    vi.stubEnv("TWILIO_API_SECRET", API_SECRET);
    await fetchOne({});
    expect(server.requests[0]?.headers.authorization).toBe(basic(API_KEY, API_SECRET));
  });

  it("from options take precedence over the environment", async () => {
    clearTwilioEnv();
    vi.stubEnv("TWILIO_API_KEY", API_KEY);
    vi.stubEnv("TWILIO_API_SECRET", API_SECRET);
    await fetchOne({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    expect(server.requests[0]?.headers.authorization).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
  });
});

describe("rejected credentials", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      "nothing at all",
      {},
      /No Twilio credentials: pass \{ accountSid, authToken \} or \{ apiKey, apiSecret \}.*TWILIO_ACCOUNT_SID/,
    ],
    ["an Account SID without a token", { accountSid: ACCOUNT_SID }, /authToken is missing/],
    ["a token without an Account SID", { authToken: AUTH_TOKEN }, /accountSid is missing/],
    ["an API key without a secret", { apiKey: API_KEY }, /apiSecret is missing/],
    ["a secret without an API key", { apiSecret: API_SECRET }, /apiKey is missing/],
    [
      "both kinds at once",
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiKey: API_KEY, apiSecret: API_SECRET },
      /either .* not both/,
    ],
    [
      "a short Account SID",
      { accountSid: "AC123", authToken: AUTH_TOKEN },
      /accountSid must be an Account SID \(AC followed by 32 hexadecimal digits\), but got a 5-character string starting with "AC"/,
    ],
    [
      "an API key SID as Account SID",
      { accountSid: API_KEY, authToken: AUTH_TOKEN },
      /but got a SK… SID\. An API Key SID authenticates with \{ apiKey, apiSecret \}/,
    ],
    [
      "an Account SID as API key",
      { apiKey: ACCOUNT_SID, apiSecret: API_SECRET },
      /apiKey must be an API Key SID.*An Account SID authenticates with \{ accountSid, authToken \}/,
    ],
    [
      "a token with a trailing newline",
      { accountSid: ACCOUNT_SID, authToken: `${AUTH_TOKEN}\n` },
      /authToken contains whitespace; check for a stray space or newline/,
    ],
    ["an empty secret", { apiKey: API_KEY, apiSecret: "" }, /apiSecret is an empty string/],
    ["a non-ASCII secret", { apiKey: API_KEY, apiSecret: "sécret" }, /not printable ASCII/],
    [
      "a number as token",
      { accountSid: ACCOUNT_SID, authToken: 12345 },
      /authToken must be a string, but got a number/,
    ],
    [
      "swapped SID and token",
      { accountSid: ACCOUNT_SID, authToken: ACCOUNT_SID },
      /authToken looks like a SID, not a secret/,
    ],
  ];

  it.each(cases)("%s: TwilioConfigError naming the problem", (_name, options, message) => {
    clearTwilioEnv();
    const error = (() => {
      try {
        createInteractionsClient(options);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TwilioConfigError);
    expect((error as Error).message).toMatch(message);
    const texts = [
      (error as Error).message,
      (error as Error).stack ?? "",
      inspect(error, { depth: 5 }),
      JSON.stringify(error),
    ];
    for (const secret of [...secretForms(ACCOUNT_SID, AUTH_TOKEN), ...secretForms(API_KEY, API_SECRET)]) {
      for (const text of texts) expect(text).not.toContain(secret);
    }
  });

  it("name the environment variable when it is the environment that is wrong", () => {
    clearTwilioEnv();
    vi.stubEnv("TWILIO_ACCOUNT_SID", "ACnothex");
    vi.stubEnv("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
    expect(() => createInteractionsClient()).toThrow(/TWILIO_ACCOUNT_SID must be an Account SID/);
  });
});

describe("a client", () => {
  it("never shows its secret in inspect or JSON output", () => {
    const twilio = createInteractionsClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    const texts = [
      inspect(twilio, { depth: 10, showHidden: true }),
      JSON.stringify(twilio),
      inspect(twilio.flex, { depth: 10, showHidden: true }),
    ];
    expect(texts[0]).toContain(ACCOUNT_SID); // the username is not secret and helps debugging
    for (const text of texts)
      for (const secret of secretForms(ACCOUNT_SID, AUTH_TOKEN)) expect(text).not.toContain(secret);
  });
});

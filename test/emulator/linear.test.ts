// Linear work on every input (issue 19): no pattern that can backtrack runs on
// request data. Work is counted, never timed: the characters every regular
// expression and every URL parse is handed while the emulator checks a
// request, against the size of the request.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmulator } from "twilio-interactions/testing";
import { flexSchemas } from "../../generated/flex-schemas";
import { proxySchemas } from "../../generated/proxy-schemas";
import { FORMATS, MAX_DATE_TIME_CHARS, MAX_EMAIL_CHARS, MAX_URI_CHARS } from "../../src/testing/formats";
import { SchemaValidator } from "../../src/testing/json-schema";
import { SEED_ROUTING_PARAMS, SEED_SMS } from "../helpers/seed";

const MB = 1_000_000;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Counts the characters handed to regular expressions and to URL parsing while `work` runs. */
async function charactersParsed<T>(work: () => T | Promise<T>): Promise<{ result: T; chars: number; longest: number }> {
  let chars = 0;
  let longest = 0;
  const count = (text: unknown) => {
    const length = String(text).length;
    chars += length;
    longest = Math.max(longest, length);
  };
  // test(), match(), replace(), search() and split() all run a pattern through exec().
  const exec = RegExp.prototype.exec;
  vi.spyOn(RegExp.prototype, "exec").mockImplementation(function (this: RegExp, text: string) {
    count(text);
    return exec.call(this, text);
  });
  const Parsed = URL;
  vi.stubGlobal(
    "URL",
    class extends Parsed {
      constructor(url: string | URL, base?: string | URL) {
        count(url);
        super(url, base);
      }
    },
  );
  try {
    return { result: await work(), chars, longest };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  }
}

// For each format, a megabyte built to make a backtracking check try every split.
const ADVERSARIAL: Record<string, string> = {
  email: `a@${"x.".repeat(MB / 2)}@`,
  uri: `http://${"a:".repeat(MB / 2)}@`,
  "date-time": `2026-01-01T00:00:00.${"1".repeat(MB)}+`,
};
const LONGEST: Record<string, number> = {
  email: MAX_EMAIL_CHARS,
  uri: MAX_URI_CHARS,
  "date-time": MAX_DATE_TIME_CHARS,
};

describe("format checks", () => {
  it("has an adversarial input for every format it checks", () => {
    expect(Object.keys(ADVERSARIAL).sort()).toEqual(Object.keys(FORMATS).sort());
  });

  it.each(Object.keys(FORMATS))(
    "%s: a 1 MB adversarial value is refused after reading at most the longest valid one",
    async (name) => {
      const { result, longest } = await charactersParsed(() => FORMATS[name]!(ADVERSARIAL[name]!));
      expect(result).toBe(false);
      expect(longest).toBeLessThanOrEqual(LONGEST[name]!);
    },
  );

  it("e-mail: the same rule as /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/, without its backtracking", () => {
    const rule = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    for (const value of [
      "a@b.c",
      "a@b",
      "@b.c",
      "a@.c",
      "a@b.",
      "a@@b.c",
      "a b@c.d",
      "a@b..c",
      "a@b.c.d",
      "x@y\u00a0.z",
      "é@ü.ß",
    ])
      expect(FORMATS.email!(value), value).toBe(rule.test(value));
  });
});

describe("the spec's patterns", () => {
  // Anchored, a literal, then character classes of fixed count, at most the last one open-ended:
  // a match or a failure is found in one pass over the value.
  const LINEAR = /^\^[A-Za-z_]*(\[[^\]\\]+\]\{\d+\})*(\[[^\]\\]+\]\+)?\$$/;
  const patterns = [flexSchemas, proxySchemas].flatMap((api) => {
    const found: string[] = [];
    // A JSON-in-form field's pattern restates its contentSchema for other tools; the emulator checks the content.
    JSON.stringify(api, function (this: Record<string, unknown>, key, value) {
      return key === "pattern" && typeof value === "string" && !("contentSchema" in this)
        ? void found.push(value)
        : value;
    });
    return found;
  });

  it("are all of a shape that cannot backtrack", () => {
    expect(patterns.length).toBeGreaterThan(20);
    for (const pattern of patterns) expect(pattern, pattern).toMatch(LINEAR);
  });
});

describe("a whole request's work", () => {
  const emulator = createEmulator();
  const { accountSid, authToken } = emulator.credentials;
  const authorization = `Basic ${btoa(`${accountSid}:${authToken}`)}`;
  const create = (channel: unknown) =>
    new URLSearchParams({
      Channel: JSON.stringify(channel),
      Routing: JSON.stringify(SEED_ROUTING_PARAMS),
    }).toString();
  const send = (body: string, headers: Record<string, string> = {}) =>
    emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions`, {
      method: "POST",
      headers: { authorization, "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });

  it("never reads an SMS participant's address as an e-mail address (issue 19's 156 kB address)", async () => {
    const address = `a@${"x.".repeat(80_000)}@`;
    const body = create({
      type: "sms",
      initiated_by: "agent",
      participants: [{ address, proxy_address: SEED_SMS.twilioNumber }],
    });
    const { result, longest } = await charactersParsed(() => send(body));
    expect(result.status).toBe(200);
    // No regular expression or URL parse saw the address.
    expect(longest).toBeLessThan(1000);
  });

  it("reads an e-mail participant's adversarial address no further than an address can be", async () => {
    const address = `a@${"x.".repeat(80_000)}@`;
    const body = create({ type: "email", initiated_by: "api", participants: [{ address, level: "to" }] });
    const { result, longest } = await charactersParsed(() => send(body));
    expect(result.status).toBe(400);
    expect(await result.json()).toMatchObject({
      message: "Invalid parameter Channel: /participants/0/address must be a valid email",
    });
    expect(longest).toBeLessThan(1000);
  });

  it.each([
    ["a 1 MB SID in the path", `/v1/Interactions/KD${"0".repeat(MB)}`],
    ["a 1 MB path no operation has", `/v1/Interactions/KD${"0".repeat(32)}/Channels/${"U".repeat(MB)}/Nowhere`],
  ])("%s: each character is parsed at most once", async (_name, path) => {
    const request = () => emulator.fetch(`${emulator.baseUrls.flex}${path}`, { headers: { authorization } });
    const { result, chars } = await charactersParsed(request);
    expect(result.status).toBe(404);
    // The URL parse; the rest of the request is a few hundred characters, not one more pass per route.
    expect(chars).toBeLessThanOrEqual(MB + 1000);
  });
});

describe("the validator on long lists", () => {
  it("reports 200,000 broken items without spreading them into one call", () => {
    const validator = new SchemaValidator({});
    const list = { type: "object", properties: { participants: { type: "array", items: { type: "object" } } } };
    expect(validator.errors(list, { participants: Array(200_000).fill(0) })).toHaveLength(200_000);
  });
});

// twilio-node's validator as the oracle, on generated requests to URLs the
// WHATWG parser re-encodes (quotes, spaces, non-ASCII, `%` sequences, dot
// segments, upper-case hosts, default ports) with parameters named like
// Object.prototype's members: the receivers accept exactly what twilio-node
// accepts for the URL they see, the one a web `Request` normalised and the raw
// one Node hands over. And the legacy query re-encoding twilio-node tries is
// Node's own `querystring` round trip.
import { parse, stringify } from "node:querystring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type InteractionEvent,
  WebhookSignatureError,
  isValidTwilioSignature,
  receiveInteractionEvent,
  receiveNodeInteractionEvent,
} from "twilio-interactions";
import { withLegacyQuery } from "../../src/webhooks/legacy-query";
import { LEFT, formBody, otherPort } from "./support";
import { twilioNode } from "./twilio-node";

const reference = twilioNode();

function legacyRoundTrip(url: string): string {
  const start = url.indexOf("?");
  if (start === -1 || start === url.length - 1) return url;
  return `${url.slice(0, start)}?${stringify(parse(url.slice(start + 1)))}`;
}

const chars = (units: string[], maxLength: number) => fc.string({ maxLength, unit: fc.constantFrom(...units) });
// What a query may hold once `new URL()` has serialised it: ASCII, `%` sequences valid or not.
const QUERY_UNITS = ["a", "B", "0", "1", "'", "+", "=", "&", "%", "%27", "%2B", "%C3%A9", "%FF", "%zz", "%2", "*", "~"];

describe("the legacy query re-encoding", () => {
  it("is Node's querystring.stringify(querystring.parse(query)) on any ASCII query", () => {
    fc.assert(
      fc.property(chars([...QUERY_UNITS, "10", "01", "4294967295", " ", "#", "!"], 30), (query) => {
        const url = `https://example.org/hook?${query}`;
        expect(withLegacyQuery(url)).toBe(legacyRoundTrip(url));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps the first 1,000 pairs, as querystring.parse does", () => {
    const url = `https://example.org/hook?${Array.from({ length: 1500 }, (_, i) => `k${i % 7}=${i}`).join("&")}`;
    expect(withLegacyQuery(url)).toBe(legacyRoundTrip(url));
  });
});

// --- generated requests ----------------------------------------------------

const HOSTS = ["example.org", "Hooks.Example.COM", "127.0.0.1", "[::1]", "bücher.example"];
const PATH_UNITS = [
  "a",
  "Z",
  "0",
  "'",
  " ",
  '"',
  "<",
  ">",
  "`",
  "{",
  "}",
  "|",
  "^",
  "é",
  "%41",
  "%zz",
  "~",
  "$",
  ";",
  "@",
];
const VALUE_UNITS = ["a", "Z", "0", " ", "+", "&", "=", "%", "é", "☎", "😀", "'", "/"];
const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

const query = (names: fc.Arbitrary<string>, values: fc.Arbitrary<string>) =>
  fc.option(fc.array(fc.tuple(names, values), { maxLength: 4 }).map((q) => q.map(([k, v]) => `${k}=${v}`).join("&")));
// Anything a webhook URL might hold, mostly changed by the parser.
const wildUrl = fc
  .record({
    scheme: fc.constantFrom("http", "https", "HTTPS"),
    host: fc.constantFrom(...HOSTS),
    port: fc.constantFrom("", "", ":443", ":80", ":8443"),
    path: fc.array(fc.oneof(chars(PATH_UNITS, 6), fc.constantFrom(".", "..", "a\\b")), { maxLength: 3 }),
    query: query(
      fc.oneof(fc.constantFrom("x", "tenant", "0", "1", "10"), chars(QUERY_UNITS, 4)),
      chars([...QUERY_UNITS, " ", '"', "<", ">", "é", "☎", "`", "|"], 6),
    ),
  })
  .map(
    ({ scheme, host, port, path, query }) => `${scheme}://${host}${port}/${path.join("/")}${query ? `?${query}` : ""}`,
  );
// A plain URL whose query holds what only the legacy re-encoding restores: `'`, as in twilio-node's own tests.
const plainUrl = fc
  .record({
    base: fc.constantFrom("https://example.org/flex-events", "http://127.0.0.1:8443/hook", "https://example.org:443/a"),
    query: query(fc.constantFrom("name", "tenant", "x"), chars(["a", "Z", "0", "'", "~", "*", "(", ")", "!", "-"], 6)),
  })
  .map(({ base, query }) => `${base}${query ? `?${query}` : ""}`);
const url = fc.oneof(wildUrl, plainUrl);
const name = fc
  .oneof(
    fc.constantFrom(...PROTOTYPE_NAMES, "a", "B", "Ö"),
    fc.string({ minLength: 1, maxLength: 8, unit: "grapheme-ascii" }),
  )
  .filter((n) => !Object.hasOwn(LEFT, n));
const value = fc.oneof(chars(VALUE_UNITS, 12), fc.array(chars(VALUE_UNITS, 12), { minLength: 2, maxLength: 3 }));
const extra = fc.dictionary(name, value, { maxKeys: 5 }).map((p) => Object.fromEntries(Object.entries(p)));

// The URL each kind of signature was made for: as registered (what Twilio
// does), normalised, re-encoded, with the other port; or as registered but
// over other parameters or with another token.
const SIGNED_URL = {
  "as-registered": (u: string) => u,
  normalized: (u: string) => new URL(u).href,
  legacy: (u: string) => legacyRoundTrip(new URL(u).href),
  "other-port": otherPort,
  changed: (u: string) => u,
  "other-token": (u: string) => u,
};
type Signed = keyof typeof SIGNED_URL;
const signed = fc.constantFrom(...(Object.keys(SIGNED_URL) as Signed[]));

function signatureFor(kind: Signed, token: string, u: string, params: Record<string, unknown>): string {
  const signedParams = kind === "changed" ? { ...params, Extra: "1" } : params;
  const key = kind === "other-token" ? `${token}x` : token;
  return reference.getExpectedTwilioSignature(key, SIGNED_URL[kind](u), signedParams);
}

// The receiver's verdict: the event, or false for a WebhookSignatureError; anything else fails the test.
async function verdict(received: Promise<InteractionEvent>): Promise<Record<string, unknown> | false> {
  return received.then(
    (event) => event as Record<string, unknown>,
    (error: unknown) => {
      if (error instanceof WebhookSignatureError) return false;
      throw error;
    },
  );
}

describe("generated requests to URLs the WHATWG parser re-encodes", () => {
  it("get twilio-node's verdict for the URL each receiver sees, and signed ones keep every parameter as data", async () => {
    const verdicts = { true: 0, false: 0 };
    const token = "tok3n5ecretV4lue0123456789abcdefZ";
    await fc.assert(
      fc.asyncProperty(url, extra, signed, async (u, more, kind) => {
        const params: Record<string, string | string[]> = { ...LEFT, ...more };
        const signature = signatureFor(kind, token, u, params);
        const headers = { "x-twilio-signature": signature };

        // A web Request holds the URL as `new URL()` serialises it.
        const request = new Request(u, { method: "POST", body: formBody(params), headers });
        const expected = reference.validateRequest(token, signature, request.url, params);
        const event = await verdict(receiveInteractionEvent(request, { authToken: token }));
        expect(event !== false).toBe(expected);
        verdicts[`${expected}`]++;
        if (event !== false) {
          expect(Object.getPrototypeOf(event)).toBeNull();
          for (const [k, v] of Object.entries(params))
            expect(Object.getOwnPropertyDescriptor(event, k)?.value).toEqual(v);
        }

        // Node hands over the path and query as they arrived.
        expect(await isValidTwilioSignature(token, signature, u, params)).toBe(
          reference.validateRequest(token, signature, u, params),
        );
        const [, scheme, authority, rest] = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(u)!;
        const message = { method: "POST", url: rest, headers: { host: authority, ...headers } };
        const socket = { encrypted: scheme!.toLowerCase() === "https" };
        const rebuilt = `${scheme!.toLowerCase()}://${authority}${rest}`;
        const nodeEvent = await verdict(
          receiveNodeInteractionEvent({ ...message, socket }, formBody(params).toString(), { authToken: token }),
        );
        expect(nodeEvent !== false).toBe(reference.validateRequest(token, signature, rebuilt, params));
      }),
      { numRuns: 200 },
    );
    // Both verdicts are exercised, so agreement is not agreement on "always false".
    expect(verdicts.true).toBeGreaterThan(40);
    expect(verdicts.false).toBeGreaterThan(40);
  });
});

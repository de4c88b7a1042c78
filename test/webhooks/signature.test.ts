// X-Twilio-Signature: Twilio's documented example verifies, and on generated
// requests (form and GET parameters, JSON bodies with bodySHA256, ports,
// repeated keys, tampering, wrong tokens) the SDK's WebCrypto check agrees
// with twilio-node's validator every time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  WebhookSignatureError,
  bodySha256,
  isValidTwilioSignature,
  receiveInteractionEvent,
  twilioSignature,
} from "twilio-interactions";
import { otherPort } from "./support";
import { twilioNode } from "./twilio-node";

const reference = twilioNode();

// The example of Twilio's "Webhooks security" page (docs/usage/security).
const DOCUMENTED = {
  authToken: "12345",
  url: "https://mycompany.com/myapp.php?foo=1&bar=2",
  params: {
    CallSid: "CA1234567890ABCDE",
    Caller: "+12349013030",
    Digits: "1234",
    From: "+12349013030",
    To: "+18005551212",
  },
  signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
};

describe("Twilio's documented example", () => {
  it("signs to the documented signature and verifies", async () => {
    const { authToken, url, params, signature } = DOCUMENTED;
    expect(await twilioSignature(authToken, url, params)).toBe(signature);
    expect(await isValidTwilioSignature(authToken, signature, url, params)).toBe(true);
  });

  it("fails with a changed parameter, URL or token", async () => {
    const { authToken, url, params, signature } = DOCUMENTED;
    expect(await isValidTwilioSignature(authToken, signature, url, { ...params, Digits: "1235" })).toBe(false);
    expect(await isValidTwilioSignature(authToken, signature, `${url}&baz=3`, params)).toBe(false);
    expect(await isValidTwilioSignature("12346", signature, url, params)).toBe(false);
  });

  it("verifies with the port Twilio may add or leave out", async () => {
    const { authToken, params, signature } = DOCUMENTED;
    expect(
      await isValidTwilioSignature(authToken, signature, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params),
    ).toBe(true);
  });
});

// --- generated requests ----------------------------------------------------

const token = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme-ascii" });
const text = fc.string({
  maxLength: 24,
  unit: fc.constantFrom("a", "Z", "0", " ", "+", "&", "=", "%", "é", "☎", "😀", "'", "/"),
});
const name = fc.oneof(
  fc.constantFrom("EventType", "AccountSid", "accountSid", "ChannelSid", "Channel", "a", "B", "_x", "Ö"),
  fc.string({ minLength: 1, maxLength: 8, unit: "grapheme-ascii" }),
);
const value = fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 }));
const params = fc.dictionary(name, value, { maxKeys: 8 }).map((p) => Object.fromEntries(Object.entries(p)));
const query = fc.option(
  fc.array(fc.tuple(fc.constantFrom("foo", "bar", "Token", "x"), fc.stringMatching(/^[A-Za-z0-9._~'-]{0,6}$/)), {
    maxLength: 3,
  }),
);
const url = fc
  .record({
    scheme: fc.constantFrom("http", "https"),
    host: fc.constantFrom("example.org", "127.0.0.1", "Hooks.Example.COM", "[::1]"),
    port: fc.constantFrom("", ":443", ":80", ":8443", ":3000"),
    path: fc.constantFrom("/", "/flex-events", "/a/b/c", "/hook.php"),
    query,
  })
  .map(
    ({ scheme, host, port, path, query }) =>
      `${scheme}://${host}${port}${path}${query ? `?${query.map(([k, v]) => `${k}=${v}`).join("&")}` : ""}`,
  );

type Forgery = "signed" | "signed-other-port" | "signed-normalized" | "changed-param" | "other-token" | "junk";
const forgery = fc.constantFrom<Forgery>(
  "signed",
  "signed",
  "signed-other-port",
  "signed-normalized",
  "changed-param",
  "other-token",
  "junk",
);

function signatureFor(kind: Forgery, authToken: string, u: string, p: Record<string, unknown>, junk: string): string {
  switch (kind) {
    case "signed":
      return reference.getExpectedTwilioSignature(authToken, u, p);
    case "signed-other-port":
      return reference.getExpectedTwilioSignature(authToken, otherPort(u), p);
    case "signed-normalized":
      return reference.getExpectedTwilioSignature(authToken, new URL(u).href, p);
    case "changed-param":
      return reference.getExpectedTwilioSignature(authToken, u, { ...p, Extra: "1" });
    case "other-token":
      return reference.getExpectedTwilioSignature(`${authToken}x`, u, p);
    case "junk":
      return junk;
  }
}

describe("generated requests", () => {
  it("get the same verdict from the SDK and from twilio-node (1,000 form and GET requests)", async () => {
    const verdicts = { true: 0, false: 0 };
    await fc.assert(
      fc.asyncProperty(token, url, params, forgery, fc.base64String({ maxLength: 28 }), async (t, u, p, kind, junk) => {
        const signature = signatureFor(kind, t, u, p, junk);
        const expected = reference.validateRequest(t, signature, u, p);
        expect(await isValidTwilioSignature(t, signature, u, p)).toBe(expected);
        verdicts[`${expected}`]++;
      }),
      { numRuns: 1000 },
    );
    // Both verdicts are exercised, so agreement is not agreement on "always false".
    expect(verdicts.true).toBeGreaterThan(300);
    expect(verdicts.false).toBeGreaterThan(300);
  });

  it("with JSON bodies get the same verdict through receiveInteractionEvent as from validateRequestWithBody", async () => {
    const event = {
      EventType: "onParticipantLeft",
      AccountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      InteractionSid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      ChannelSid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      ParticipantSid: "UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    const verdicts = { true: 0, false: 0 };
    await fc.assert(
      fc.asyncProperty(
        token,
        url,
        fc.dictionary(fc.constantFrom("Note", "Extra", "ü"), text),
        fc.constantFrom("signed", "other-body", "other-token", "no-hash"),
        async (t, base, extra, kind) => {
          const body = JSON.stringify({ ...event, ...extra });
          const hashOf = kind === "other-body" ? `${body} ` : body;
          const u =
            kind === "no-hash"
              ? base
              : `${base}${base.includes("?") ? "&" : "?"}bodySHA256=${reference.getExpectedBodyHash(hashOf)}`;
          const signature = reference.getExpectedTwilioSignature(kind === "other-token" ? `${t}x` : t, u, {});
          const expected = reference.validateRequestWithBody(t, signature, u, body);
          // Request normalises its URL (`'` becomes %27): pass the URL Twilio called, as users do.
          const request = new Request(u, {
            method: "POST",
            body,
            headers: { "content-type": "application/json", "x-twilio-signature": signature },
          });
          const received = await receiveInteractionEvent(request, { authToken: t, url: u }).then(
            () => true,
            (error: unknown) => {
              expect(error).toBeInstanceOf(WebhookSignatureError);
              return false;
            },
          );
          expect(received).toBe(expected);
          verdicts[`${expected}`]++;
        },
      ),
      { numRuns: 300 },
    );
    expect(verdicts.true).toBeGreaterThan(30);
    expect(verdicts.false).toBeGreaterThan(100);
  });

  it("hash bodies as twilio-node does", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (body) => {
        expect(await bodySha256(body)).toBe(reference.getExpectedBodyHash(body));
      }),
      { numRuns: 200 },
    );
  });
});

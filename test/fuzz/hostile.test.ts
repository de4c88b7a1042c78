// Hostile servers and hostile input, as properties (issue 11). For every
// status and every place a server can echo text, in every encoding, the
// credential appears nowhere a caller can see; input the wire cannot carry
// (a JSON body with a cycle, a BigInt or a throwing toJSON, a header with a
// line break, a lone surrogate in a query, a path or method the spec does not
// have) is a TwilioValidationError and nothing is sent; any Retry-After waits
// 0–60 s, and a negative one or a past date falls back to the backoff; and
// JSON.stringify of any Twilio error body never throws.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FetchResult, TwilioValidationError, createInteractionsClient } from "twilio-interactions";
import { CHANNEL_SID, INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";
import { CREDENTIALS, Evidence, percentEncodeAll } from "../faults/leak-check";
import { apiErrorFrom } from "../../src/errors";
import { retryDelayMs } from "../../src/retry";
import { RUNS } from "./arbitraries";

const TRANSFERS = "/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers";
const TRANSFER_PATH = { InteractionSid: INTERACTION_SID, ChannelSid: CHANNEL_SID };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const clientFor = (credential: (typeof CREDENTIALS)[number], logger?: Evidence["logger"]) =>
  createInteractionsClient({
    ...credential.options,
    baseUrls: { flex: server.url, proxy: server.url },
    maxRetries: 0,
    logger,
  });

async function settle<T>(call: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

describe("a server echoing the credential", () => {
  type Encoding = (text: string) => string;
  const encodings: Record<string, Encoding> = {
    raw: (t) => t,
    encodeURIComponent: encodeURIComponent,
    "every character %XX": percentEncodeAll,
    "every character %xx": (t) => percentEncodeAll(t).toLowerCase(),
    "as a URL query encodes it": (t) => new URL(`http://h/?q=${t}`).search.slice(3),
    upper: (t) => t.toUpperCase(),
  };
  const places = ["reason phrase", "header", "JSON message", "JSON details", "text body", "Location"] as const;

  it("never shows it to the caller, for any status, place and encoding", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CREDENTIALS),
        fc.integer({ min: 200, max: 599 }),
        fc.constantFrom(...places),
        fc.constantFrom(...Object.keys(encodings)),
        fc.constantFrom("secret", "token"),
        async (credential, status, place, encoding, what) => {
          const token = Buffer.from(`${credential.username}:${credential.secret}`).toString("base64");
          const echo = encodings[encoding]!(what === "secret" ? credential.secret : token);
          server.reset((_request, response) => {
            const reason = place === "reason phrase" ? `Echo ${echo}` : "Echo";
            const headers: Record<string, string> = { "content-type": "application/json" };
            if (place === "header") headers["x-echo"] = echo;
            if (place === "Location") headers.location = `${server.url}/?q=${echo}`;
            const body =
              place === "text body"
                ? `<html>${echo}</html>`
                : JSON.stringify({
                    status,
                    message: place === "JSON message" ? `got ${echo}` : "no",
                    details: place === "JSON details" ? { deep: [{ echo }] } : undefined,
                  });
            response.writeHead(status, reason, headers).end(status === 204 || status === 205 ? undefined : body);
          });
          const evidence = new Evidence();
          const twilio = clientFor(credential, evidence.logger);
          const outcome = await settle(() =>
            twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } }),
          );
          if (outcome.value) {
            evidence.result(outcome.value as FetchResult);
            if (!(outcome.value as FetchResult).response.ok) {
              evidence.error(
                apiErrorFrom(
                  (outcome.value as FetchResult).error as never,
                  (outcome.value as FetchResult).response.headers,
                ),
              );
            }
          }
          evidence.error(outcome.error);
          // The data of a 2xx is the caller's own record, returned as sent (SECURITY.md says so).
          expect(evidence.leaks()).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("input the wire cannot carry", () => {
  const credential = CREDENTIALS[0]!;

  async function refused(call: (twilio: ReturnType<typeof clientFor>) => Promise<unknown>, parameter: RegExp) {
    server.reset((_request, response) => json(response, 200, {}));
    const { error } = await settle(() => call(clientFor(credential)));
    expect(error).toBeInstanceOf(TwilioValidationError);
    expect((error as TwilioValidationError).parameter).toMatch(parameter);
    expect(server.requests).toEqual([]);
  }

  const unencodable = fc.constantFrom(
    () => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      return cycle;
    },
    () => ({ amount: 10n }),
    () => ({
      toJSON() {
        throw new RangeError("no");
      },
    }),
  );

  it("a JSON body that cannot be encoded names its field", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("From", "To", "Kind", "Extra"), unencodable, async (field, make) => {
        await refused(
          (twilio) =>
            twilio.flex.POST(TRANSFERS, {
              params: { path: TRANSFER_PATH },
              body: { [field]: make() } as never,
            }),
          new RegExp(`^${field}$`),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("a header with a line break or control character", async () => {
    const bad = fc
      .tuple(
        fc.string({ maxLength: 5 }),
        fc.constantFrom("\r", "\n", "\r\n", "\0", "\u0100"),
        fc.string({ maxLength: 5 }),
      )
      .map(([a, c, b]) => `${a}${c}${b}`);
    await fc.assert(
      fc.asyncProperty(bad, async (value) => {
        await refused(
          (twilio) =>
            twilio.flex.GET("/v1/Interactions/{Sid}", {
              params: { path: { Sid: INTERACTION_SID } },
              headers: { "X-Note": value },
            }),
          /^headers\.X-Note$/,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("a lone surrogate in any query value", async () => {
    const lone = fc
      .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
      .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""))
      .filter((s) => /[\uD800-\uDFFF]/.test(s));
    await fc.assert(
      fc.asyncProperty(lone, fc.boolean(), async (value, inArray) => {
        await refused(
          (twilio) =>
            twilio.flex.GET("/v1/Interactions/{InteractionSid}/Channels", {
              params: {
                path: { InteractionSid: INTERACTION_SID },
                query: { Note: inArray ? ["ok", value] : value } as never,
              },
            }),
          /^Note$/,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("a path template or method the spec does not describe", async () => {
    const path = fc.oneof(
      fc.constantFrom(
        "/v1/Interactions/{Sid}/Admin",
        "/v1/Admin",
        "/v1/Interactions/../Admin",
        "constructor",
        "__proto__",
        "/v1/Interactions/{Sid}/",
      ),
      fc.string(),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom("GET", "POST", "DELETE"), async (template, method) => {
        await refused(
          (twilio) =>
            (twilio.flex as unknown as Record<string, (p: unknown, i: unknown) => Promise<unknown>>)[method]!(
              template,
              {
                params: { path: { Sid: "..", InteractionSid: ".." } },
              },
            ),
          /^path$/,
        );
      }),
      { numRuns: RUNS },
    );
    // A real path with a method it does not have.
    await refused(
      (twilio) =>
        (twilio.flex as never as { DELETE: (p: string, i: unknown) => Promise<unknown> }).DELETE(
          "/v1/Interactions/{Sid}",
          { params: { path: { Sid: INTERACTION_SID } } },
        ),
      /^path$/,
    );
  });
});

describe("Retry-After", () => {
  const now = Date.UTC(2026, 0, 1);
  const backoff = (retry: number) => [
    Math.min(500 * 2 ** (retry - 1), 8000) * 0.75,
    Math.min(500 * 2 ** (retry - 1), 8000),
  ];

  it("any value waits 0–60 s; a negative number, a past date or junk waits the normal backoff", () => {
    const value = fc.oneof(
      fc.integer({ min: -1_000_000, max: -1 }).map(String),
      fc.double({ min: -1e6, max: -1e-6, noNaN: true }).map(String),
      fc.date({ min: new Date(0), max: new Date(now - 1000), noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        value,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, header, random) => {
          const delay = retryDelayMs(retry, header, now, () => random);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(60_000);
          const literal =
            /^\s*\d+(\.\d+)?\s*$/.test(header) || (/^[A-Za-z]{3}/.test(header.trim()) && Date.parse(header) >= now);
          if (!literal) {
            const [min, max] = backoff(retry);
            expect(delay).toBeGreaterThanOrEqual(Math.floor(min!));
            expect(delay).toBeLessThanOrEqual(max!);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("JSON.stringify of an error", () => {
  it("never throws, whatever details the server sent, however deep", () => {
    const deep = fc.integer({ min: 1, max: 200_000 }).map((depth) => {
      let details: unknown = 1;
      for (let i = 0; i < depth; i++) details = i % 2 ? [details] : { a: details };
      return details;
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), deep), fc.integer({ min: 400, max: 599 }), (details, status) => {
        const error = apiErrorFrom({ status, message: "no", details: details as never }, new Headers());
        expect(() => JSON.stringify(error)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

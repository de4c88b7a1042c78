// GET and POST against any path parameters, per-request options and bodies:
// a call with invalid input rejects with a TwilioValidationError (or
// InvalidSidError) and the server receives nothing; a valid call sends
// exactly one request, with the body encoded as the spec says.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwilioValidationError, createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";
import { encodeForm } from "../../src/form";
import { RUNS, junk, sidOrJunk } from "./arbitraries";

const isSid = (prefix: string, v: unknown) => typeof v === "string" && new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(v);
const validRetries = (v: unknown) =>
  v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10);
const validTimeout = (v: unknown) =>
  v === undefined || (typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 2_147_483_647);
const sometimes = (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: good },
    { weight: 1, arbitrary: bad },
    { weight: 1, arbitrary: junk },
  );
// Valid timeouts are long: a valid call must succeed, not time out. Junk can be a valid but tiny timeout
// (5e-324 ms), which times out on a loaded machine and whose late request would land in the next run: left out.
const shortButValid = (v: unknown) => validTimeout(v) && v !== undefined && (v as number) < 5_000;
const perRequest = fc
  .record({
    maxRetries: sometimes(fc.integer({ min: 0, max: 10 }), fc.constantFrom(-1, 11, 0.5)),
    timeoutMs: sometimes(fc.integer({ min: 5_000, max: 60_000 }), fc.constantFrom(0, -5, Number.NaN)),
  })
  .filter((options) => !shortButValid(options.timeoutMs));
const field = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.date({ noInvalidDate: true })) },
  { weight: 2, arbitrary: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }) },
  { weight: 1, arbitrary: junk },
);
const body = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom("Status", "Routing", "Tags", "Other"), field, { maxKeys: 4 }) },
  { weight: 1, arbitrary: junk },
);

function encodable(value: unknown): string | undefined {
  try {
    return encodeForm(value, ["Routing"]).toString();
  } catch {
    return undefined;
  }
}

describe("request input, fuzzed", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_request, response) => json(response, 200, {}));
  });
  afterAll(() => server.close());
  const client = () =>
    createInteractionsClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrls: { flex: server.url },
      maxRetries: 0,
    });

  async function outcome(call: () => Promise<unknown>): Promise<unknown> {
    try {
      await call();
      return undefined;
    } catch (error) {
      return error;
    }
  }

  it("GET: invalid path SIDs or options send nothing", async () => {
    const flex = client().flex;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(sidOrJunk("KD"), sidOrJunk("UO"), perRequest, async (interaction, channel, options) => {
        server.reset();
        const error = await outcome(() =>
          flex.GET("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
            params: { path: { InteractionSid: interaction as never, Sid: channel as never } },
            ...(options as object),
          }),
        );
        const valid =
          isSid("KD", interaction) &&
          isSid("UO", channel) &&
          validRetries(options.maxRetries) &&
          validTimeout(options.timeoutMs);
        if (!valid) {
          expect(error).toBeInstanceOf(TwilioValidationError);
          expect(server.requests).toEqual([]);
          return;
        }
        sent++;
        expect(error).toBeUndefined();
        expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
          `GET /v1/Interactions/${interaction}/Channels/${channel}`,
        ]);
      }),
      { numRuns: RUNS, timeout: 3000 },
    );
    expect(sent).toBeGreaterThan(RUNS / 20);
  });

  it("POST: an unencodable body or invalid SID sends nothing; a valid one is sent once, form-encoded", async () => {
    const flex = client().flex;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(sidOrJunk("KD"), body, async (interaction, input) => {
        server.reset();
        const error = await outcome(() =>
          flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
            params: { path: { InteractionSid: interaction as never, Sid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },
            body: input as never,
          }),
        );
        const form = input === undefined ? "" : encodable(input);
        if (!isSid("KD", interaction) || form === undefined) {
          expect(error).toBeInstanceOf(TwilioValidationError);
          expect(server.requests).toEqual([]);
          return;
        }
        sent++;
        expect(error).toBeUndefined();
        expect(server.requests).toHaveLength(1);
        expect(server.requests[0]!.body).toBe(form);
        if (input !== undefined) {
          expect(server.requests[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        }
      }),
      { numRuns: RUNS, timeout: 3000 },
    );
    expect(sent).toBeGreaterThan(RUNS / 20);
  });
});

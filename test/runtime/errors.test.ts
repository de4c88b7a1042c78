// Errors from real responses: the Twilio error body arrives typed in `error`;
// unwrap() throws the subclass of its status with code, moreInfo, details,
// requestId and headers; bodies that are not what the spec promises give a
// clear error instead of a parser crash.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TwilioApiError,
  TwilioConnectionError,
  TwilioError,
  TwilioResponseError,
  UnprocessableEntityError,
  createInteractionsClient,
  unwrap,
} from "twilio-interactions";
import { useServerAndClient } from "../helpers/client";
import { clearTwilioEnv } from "../helpers/env";
import { ACCOUNT_SID, API_KEY, API_SECRET, AUTH_TOKEN, INTERACTION_SID, secretForms } from "../helpers/fixtures";
import { type Handler, json } from "../helpers/server";

const env = useServerAndClient({ maxRetries: 0 });
const fetchInteraction = () =>
  env.twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
const answer = (handler: Handler) => env.server.reset(handler);
const REQUEST_ID = "RQ0123456789abcdef0123456789abcdef";

describe("a Twilio error response", () => {
  it.each([
    [400, BadRequestError, 20001],
    [401, AuthenticationError, 20003],
    [403, PermissionDeniedError, 20403],
    [404, NotFoundError, 20404],
    [409, ConflictError, 20409],
    [422, UnprocessableEntityError, 20422],
    [429, RateLimitError, 20429],
    [500, InternalServerError, 20500],
    [503, InternalServerError, 20503],
    [418, TwilioApiError, 20418],
  ])("%i is returned as the error body and thrown as %O by unwrap", async (status, ErrorClass, code) => {
    const body = {
      code,
      message: `Failure ${code}`,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
      details: { field: "Sid" },
    };
    answer((_req, res) => json(res, status, body, { "twilio-request-id": REQUEST_ID }));

    const result = await fetchInteraction();
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual(body);
    expect(result.response.status).toBe(status);

    const error = await unwrap(fetchInteraction()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error).toBeInstanceOf(TwilioError);
    expect(error).toMatchObject({
      status,
      code,
      moreInfo: body.more_info,
      details: { field: "Sid" },
      requestId: REQUEST_ID,
    });
    expect((error as TwilioApiError).headers.get("twilio-request-id")).toBe(REQUEST_ID);
    expect((error as Error).message).toBe(
      `Twilio answered ${status} (error ${code}): Failure ${code}.${status === 401 ? ` The request carried the Account SID ${ACCOUNT_SID} and its Auth Token, from the client options: check that the token is the account's current one (a rotated token stops working), that both belong to the same account, and that they are live credentials, not test ones.` : ""} See ${body.more_info}`,
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: (error as Error).name,
      status,
      code,
      requestId: REQUEST_ID,
    });
    expect(inspect(error)).toContain(`Failure ${code}`);
  });

  it("with only status and message (Twilio's documented minimum) still has a readable message", async () => {
    answer((_req, res) => json(res, 404, { status: 404, message: "The requested resource was not found" }));
    const error = (await unwrap(fetchInteraction()).catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("Twilio answered 404: The requested resource was not found.");
    expect([error.code, error.moreInfo, error.requestId]).toEqual([undefined, undefined, undefined]);
  });

  it("takes its status from HTTP, not from the body", async () => {
    answer((_req, res) => json(res, 500, { status: 404, message: "inconsistent" }));
    const { error } = await fetchInteraction();
    expect(error?.status).toBe(500);
    await expect(unwrap(fetchInteraction())).rejects.toBeInstanceOf(InternalServerError);
  });
});

describe("a 401", () => {
  const AUTHENTICATE = { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003" };
  beforeEach(() => answer((_req, res) => json(res, 401, { ...AUTHENTICATE, status: 401 })));
  afterEach(() => vi.unstubAllEnvs());

  const CASES = [
    {
      name: "API key from the options",
      client: () =>
        createInteractionsClient({
          apiKey: API_KEY,
          apiSecret: API_SECRET,
          baseUrls: { flex: env.server.url, proxy: env.server.url },
          maxRetries: 0,
        }),
      says: `The request carried the API key ${API_KEY} and its secret, from the client options: check that the key still exists,`,
      secrets: secretForms(API_KEY, API_SECRET),
    },
    {
      name: "Account SID from the environment",
      client: () => {
        clearTwilioEnv();
        vi.stubEnv("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        vi.stubEnv("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        return createInteractionsClient({ baseUrls: { flex: env.server.url, proxy: env.server.url }, maxRetries: 0 });
      },
      says: `The request carried the Account SID ${ACCOUNT_SID} and its Auth Token, from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: check that the token is the account's current one`,
      secrets: secretForms(ACCOUNT_SID, AUTH_TOKEN),
    },
  ];

  it.each(CASES)(
    "names the credential form sent ($name) and what to check, never the secret, after a full stop and before the link",
    async ({ client, says, secrets }) => {
      const twilio = client();
      const errors = [
        await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } })).catch(
          (e: unknown) => e,
        ),
        await twilio.flex
          .interactions(INTERACTION_SID)
          .fetch()
          .catch((e: unknown) => e),
        await twilio.flex
          .interactions(INTERACTION_SID)
          .channels.list()
          .toArray()
          .catch((e: unknown) => e),
      ] as AuthenticationError[];
      for (const error of errors) {
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error.message).toMatch(/^Twilio answered 401 \(error 20003\): Authenticate\. The request carried /);
        expect(error.message).toContain(says);
        expect(error.message).toMatch(/\. See https:\/\/www\.twilio\.com\/docs\/errors\/20003$/);
        for (const secret of secrets) expect(`${error.message} ${inspect(error)}`).not.toContain(secret);
      }
    },
  );

  it("only a 401 says it: other errors quote Twilio and the link alone", async () => {
    answer((_req, res) => json(res, 403, { code: 20403, message: "Forbidden", status: 403 }));
    const error = (await unwrap(fetchInteraction()).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("Twilio answered 403 (error 20403): Forbidden.");
  });
});

describe("a response that is not what the spec promises", () => {
  it("an HTML 502 page becomes a readable error body, not a parser crash", async () => {
    answer((_req, res) => {
      res.writeHead(502, "Bad Gateway", { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    const { error } = await fetchInteraction();
    expect(error).toEqual({
      status: 502,
      message: "Bad Gateway: the server answered with a body that is not a Twilio error (50 characters of text/html).",
    });
    await expect(unwrap(fetchInteraction())).rejects.toThrow(InternalServerError);
  });

  it("an error status with an empty body says so", async () => {
    answer((_req, res) => res.writeHead(503, "Service Unavailable").end());
    expect((await fetchInteraction()).error).toEqual({
      status: 503,
      message: "Service Unavailable: the server answered with an empty body.",
    });
  });

  it("an error status with JSON that is not a Twilio error says so", async () => {
    answer((_req, res) => json(res, 400, { oops: true }));
    expect((await fetchInteraction()).error?.message).toBe(
      "Bad Request: the server answered with a JSON body that is not a Twilio error.",
    );
  });

  it.each([
    ["an empty 200 body", "", "application/json", /answered 200 with an empty body instead of JSON/],
    [
      "truncated JSON",
      '{"sid":"KDaaaa',
      "application/json",
      /answered 200 with a body that is not valid JSON \(14 characters of application\/json\); it may be truncated/,
    ],
    ["an HTML 200 page", "<html>maintenance</html>", "text/html", /not valid JSON \(24 characters of text\/html\)/],
  ])("%s is a TwilioResponseError", async (_name, body, type, message) => {
    answer((_req, res) => res.writeHead(200, { "content-type": type }).end(body));
    const error = (await fetchInteraction().catch((e: unknown) => e)) as TwilioResponseError;
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(error.message).toMatch(message);
    expect([error.status, error.contentType]).toEqual([200, type]);
  });

  it("valid JSON under a wrong Content-Type is accepted", async () => {
    answer((_req, res) =>
      res.writeHead(200, { "content-type": "text/plain" }).end(JSON.stringify({ sid: INTERACTION_SID })),
    );
    expect((await fetchInteraction()).data).toEqual({ sid: INTERACTION_SID });
  });

  it("a redirect is not followed", async () => {
    answer((_req, res) => res.writeHead(302, { location: "https://elsewhere.example.test/v1/Interactions" }).end());
    await expect(fetchInteraction()).rejects.toThrow(
      /answered 302 with a redirect to https:\/\/elsewhere\.example\.test\. The SDK does not follow redirects/,
    );
    expect(env.server.requests).toHaveLength(1);
  });
});

describe("unwrap", () => {
  beforeEach(() => answer((_req, res) => json(res, 200, { sid: INTERACTION_SID })));

  it("returns the data of a success, from the promise or from the awaited result", async () => {
    expect(await unwrap(fetchInteraction())).toEqual({ sid: INTERACTION_SID });
    expect(await unwrap(await fetchInteraction())).toEqual({ sid: INTERACTION_SID });
  });
});

describe("a connection error", () => {
  it("ends its message with one period when the runtime's own ends with one (workerd)", async () => {
    const twilio = createInteractionsClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      maxRetries: 0,
      // What workerd's fetch throws for a refused or dropped connection.
      fetch: () => Promise.reject(new Error("Network connection lost.")),
    });
    const error = await twilio.flex
      .interactions(INTERACTION_SID)
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioConnectionError);
    expect((error as Error).message).toMatch(/Network connection lost\.$/);
    expect((error as Error).message).not.toContain("..");
  });
});

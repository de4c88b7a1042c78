// The client as a whole: the README snippet end to end, openapi-fetch
// middleware, the logger, the User-Agent, option checks, and the promise that
// credentials only go to the configured origin.
import { readFileSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  TwilioConfigError,
  TwilioValidationError,
  VERSION,
  createInteractionsClient,
  type InteractionsClientOptions,
} from "twilio-interactions";
import pkg from "../../package.json" with { type: "json" };
import { ACCOUNT_SID, AUTH_TOKEN, CHANNEL_SID, INTERACTION_SID, secretForms } from "../helpers/fixtures";
import { SEED_CHANNEL } from "../helpers/seed";
import { type TestServer, json, startServer } from "../helpers/server";

let server: TestServer;
let other: TestServer;
const credentials = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
const client = (options: InteractionsClientOptions = {}) =>
  createInteractionsClient({ ...credentials, baseUrls: { flex: server.url, proxy: server.url }, ...options });

beforeAll(async () => {
  server = await startServer();
  other = await startServer((_req, res) => json(res, 200, {}));
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  other.reset();
  server.reset((req, res) => {
    if (req.method === "POST") {
      return json(res, 200, {
        sid: INTERACTION_SID,
        channel: { type: "sms", sid: CHANNEL_SID },
        routing: null,
        url: `${server.url}/v1/Interactions/${INTERACTION_SID}`,
        links: { channels: `${server.url}/v1/Interactions/${INTERACTION_SID}/Channels` },
      });
    }
    json(res, 200, {
      channels: [{ sid: CHANNEL_SID, interaction_sid: INTERACTION_SID, type: "sms", status: "active" }],
      meta: { next_page_url: null, key: "channels" },
    });
  });
});

describe("the README snippet", () => {
  it("creates an interaction and pages through its channels", async () => {
    const twilio = client();
    const { data, error } = await twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: SEED_CHANNEL,
        Routing: {
          properties: {
            workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          },
        },
      },
    });
    if (error) throw new Error(error.message);
    const channels = [];
    for await (const channel of twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
      params: { path: { InteractionSid: data.sid } },
    })) {
      channels.push(channel.sid);
    }
    expect(channels).toEqual([CHANNEL_SID]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /v1/Interactions",
      `GET /v1/Interactions/${INTERACTION_SID}/Channels`,
    ]);
  });
});

describe("requests", () => {
  it("carry a User-Agent naming the package version from package.json, plus the caller's", async () => {
    expect(VERSION).toBe(pkg.version);
    await client({ userAgent: "my-app/1.2" }).flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: INTERACTION_SID } },
    });
    expect(server.requests[0]?.headers["user-agent"]).toBe(
      `twilio-interactions/${pkg.version} node/${process.versions.node} my-app/1.2`,
    );
    expect(server.requests[0]?.headers.accept).toBe("application/json");
  });

  it("go over node:http by default on Node, and through fetch in the fetch-wire project", async ({ task }) => {
    await client().flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    // undici's fetch always sends Sec-Fetch-Mode; node:http never does.
    const viaFetch = server.requests[0]?.headers["sec-fetch-mode"] !== undefined;
    expect(viaFetch).toBe(task.file.projectName === "fetch-wire");
  });

  it("go through the fetch option", async () => {
    const seen: string[] = [];
    const twilio = client({ fetch: (url, init) => (seen.push(`${init.method} ${url}`), fetch(url, init)) });
    await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    expect(seen).toEqual([`GET ${server.url}/v1/Interactions/${INTERACTION_SID}`]);
  });

  it("pass through openapi-fetch middleware, which never sees the credentials", async () => {
    const twilio = client();
    const authorizations: (string | null)[] = [];
    const middleware = {
      onRequest({ request }: { request: Request }) {
        authorizations.push(request.headers.get("authorization"));
        request.headers.set("x-trace-id", "trace-1");
        return request;
      },
    };
    twilio.flex.use(middleware);
    await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    twilio.flex.eject(middleware);
    await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    expect(authorizations).toEqual([null]);
    expect(server.requests.map((r) => r.headers["x-trace-id"])).toEqual(["trace-1", undefined]);
    expect(server.requests.every((r) => r.headers.authorization)).toBe(true);
  });

  it("hand middleware a real Request and take the Response it substitutes", async () => {
    const twilio = client();
    const seen: boolean[] = [];
    twilio.flex.use({
      onRequest({ request }) {
        seen.push(request instanceof Request);
      },
      onResponse({ response }) {
        const status = response.status === 200 ? 200 : 404;
        const body = status === 200 ? { sid: INTERACTION_SID, replaced: true } : { status, message: "replaced" };
        return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
      },
    });
    const fetched = await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    expect(fetched.data).toEqual({ sid: INTERACTION_SID, replaced: true });
    server.reset((_req, res) => json(res, 500, { status: 500, message: "original" }));
    const failed = await twilio.flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: INTERACTION_SID } },
      maxRetries: 0,
    });
    expect(failed.error).toEqual({ status: 404, message: "replaced" });
    expect(seen).toEqual([true, true]);
  });

  it("leave the body to openapi-fetch when the caller picks parseAs", async () => {
    const { data } = await client().flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: INTERACTION_SID } },
      parseAs: "text",
    });
    expect(JSON.parse(data as string)).toMatchObject({ channels: [{ sid: CHANNEL_SID }] });
  });

  it("are never sent to another origin, even with a per-request baseUrl", async () => {
    const twilio = client();
    await expect(
      twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } }, baseUrl: other.url }),
    ).rejects.toThrow(
      new TwilioConfigError(
        `Refusing to send GET to ${other.url}: this client sends credentials only to ${server.url}.`,
      ),
    );
    expect(other.requests).toEqual([]);
  });
});

describe("the logger", () => {
  it("gets a line per attempt and retry, with Authorization redacted and no secret anywhere", async () => {
    const lines: { level: string; message: string; data?: unknown }[] = [];
    const record = (level: string) => (message: string, data?: unknown) => lines.push({ level, message, data });
    const logger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
    let calls = 0;
    server.reset((_req, res) =>
      calls++ === 0 ? json(res, 503, { status: 503, message: "busy" }) : json(res, 200, {}),
    );
    await client({ logger }).flex.GET("/v1/Interactions/{Sid}", {
      params: { path: { Sid: INTERACTION_SID } },
      headers: { cookie: "session=s3cr3t" },
    });

    const url = `${server.url}/v1/Interactions/${INTERACTION_SID}`;
    expect(lines.map((l) => `${l.level}: ${l.message.replace(/\d+ ms/, "N ms")}`)).toEqual([
      `debug: GET ${url} (attempt 1 of 3)`,
      `debug: 503 from GET ${url} in N ms`,
      `warn: 503 from GET ${url}; retrying in N ms (attempt 1 of 3).`,
      `debug: GET ${url} (attempt 2 of 3)`,
      `debug: 200 from GET ${url} in N ms`,
    ]);
    expect(lines[0]?.data).toMatchObject({ headers: { authorization: "[REDACTED]", cookie: "[REDACTED]" } });
    expect(JSON.stringify(lines)).not.toContain("s3cr3t");
    const text = JSON.stringify(lines);
    for (const secret of secretForms(ACCOUNT_SID, AUTH_TOKEN)) expect(text).not.toContain(secret);
  });
});

describe("options", () => {
  it.each([
    [{ maxRetries: -1 }, "maxRetries must be an integer from 0 to 10, but got -1."],
    [{ maxRetries: 2.5 }, "maxRetries must be an integer from 0 to 10, but got 2.5."],
    [{ timeoutMs: 0 }, "timeoutMs must be a number of milliseconds from 1 to 2147483647, but got 0."],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs must be a number of milliseconds/],
    [{ fetch: "fetch" }, "fetch must be a function."],
    [{ logger: "console" }, /logger must be an object/],
    [{ userAgent: "app\r\nX-Evil: 1" }, "userAgent must be a string of printable ASCII characters."],
    [{ retries: 3 }, /Unknown option "retries"; valid options are accountSid, authToken/],
  ])("%j is refused with TwilioConfigError", (options, message) => {
    expect(() => client(options as InteractionsClientOptions)).toThrow(TwilioConfigError);
    expect(() => client(options as InteractionsClientOptions)).toThrow(message);
  });

  it("per request are checked too, before sending", async () => {
    const twilio = client();
    const init = (extra: Record<string, unknown>) => ({ params: { path: { Sid: INTERACTION_SID } }, ...extra });
    await expect(twilio.flex.GET("/v1/Interactions/{Sid}", init({ maxRetries: 11 }))).rejects.toThrow(
      TwilioValidationError,
    );
    await expect(twilio.flex.GET("/v1/Interactions/{Sid}", init({ timeoutMs: -5 }))).rejects.toThrow(
      /timeoutMs must be/,
    );
    expect(server.requests).toEqual([]);
  });
});

describe("the runtime in src/", () => {
  it("imports nothing but its own modules (some through package.json imports), the generated layer and openapi-fetch", () => {
    const dir = new URL("../../src/", import.meta.url);
    const imports = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) =>
        [...readFileSync(new URL(f, dir), "utf8").matchAll(/^(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)].map(
          (m) => m[1],
        ),
      );
    expect(imports.length).toBeGreaterThan(20);
    expect(
      imports.filter(
        (s) => !s!.startsWith("./") && !s!.startsWith("../generated/") && s !== "openapi-fetch" && !(s! in pkg.imports),
      ),
    ).toEqual([]);
  });
});

// The emulator as a server people share (issue 19): requests a broken client,
// a scanner or a fuzzer sends, over loopback HTTP and in-process. Each gets a
// 4xx with Twilio's error body (or a 500 with one console line for a fault
// inside the emulator), never a crash, a hang-up or a rejected fetch; a normal
// request is answered after each.
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Sid, unwrap } from "twilio-interactions";
import { createEmulator } from "twilio-interactions/testing";
import { createOutboundSms } from "../../examples/create-outbound-sms";
import { SEED_CHANNEL, SEED_ROUTING, SEED_ROUTING_PARAMS, SEED_SMS } from "../helpers/seed";
import { consoleLines, failNextDate, failNextInteractionAnswer } from "./inject";
import { PROBES, authLine, expectOwnPageUrls, expectRefused, expectTwilioError } from "./hostile-probes";
import { rawRequest, rawUpload } from "./raw-http";
import { TRANSPORTS, type EmulatorContext, useEmulator } from "./support";

const MiB = 1024 * 1024;
const FORM = { "content-type": "application/x-www-form-urlencoded" };

afterEach(() => vi.restoreAllMocks());

/** A normal request, answered: the Proxy session's first page. */
async function expectStillAnswering(ctx: EmulatorContext): Promise<void> {
  const { serviceSid, sessionSid } = ctx.emulator.proxySession({ interactions: 3 });
  const path = { ServiceSid: serviceSid as Sid<"KS">, SessionSid: sessionSid as Sid<"KC"> };
  const page = await unwrap(
    ctx.twilio.proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", { params: { path } }),
  );
  expect(page.interactions).toHaveLength(3);
}

function authorized(ctx: EmulatorContext, init: RequestInit = {}): RequestInit {
  const { accountSid, authToken } = ctx.emulator.credentials;
  return { ...init, headers: { authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`, ...init.headers } };
}

async function answerOf(response: Response) {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

describe.each(TRANSPORTS)("emulator under hostile requests (%s)", (transport) => {
  const ctx = useEmulator(transport);
  const flex = () => ctx.baseUrls.flex;

  it("answers every request target and method it has no operation for with Twilio's error body, and goes on", async () => {
    for (const [what, method, path, status] of [
      ["//", "GET", "//", 404],
      ["//%zz/v1/Interactions", "GET", "//%zz/v1/Interactions", 404],
      ["a SID of bad percent-encoding", "GET", "/v1/Interactions/%ZZ", 404],
      ["a SID of bytes that are not UTF-8", "GET", "/v1/Interactions/%FF%FE", 404],
      ["a SID ending in a lone %", "GET", "/v1/Interactions/KD%", 404],
      ["an overlong UTF-8 encoding of /", "GET", "/v1/Interactions/%C0%AF", 404],
      // node:http refuses a request line this long; in-process the path is simply unknown.
      ["a 64 kB path", "GET", `/v1/Interactions/${"K".repeat(65_536)}`, transport === "http" ? 431 : 404],
      ["a method the API does not have", "PROPFIND", "/v1/Interactions", 405],
    ] as const) {
      const response = await ctx.send(`${flex()}${path}`, authorized(ctx, { method }));
      expectTwilioError(await answerOf(response), status, what);
      await expectStillAnswering(ctx);
    }
  });

  it("answers a body one byte over maxBodyBytes 413, and one at the cap is read", async () => {
    const over = await ctx.send(`${flex()}/v1/Interactions`, {
      ...authorized(ctx, { method: "POST", headers: FORM }),
      body: "a".repeat(MiB + 1),
    });
    const refused = await answerOf(over);
    expectTwilioError(refused, 413);
    expect(JSON.parse(refused.body).message).toMatch(/at most 1048576 bytes.*maxBodyBytes/);
    const at = await ctx.send(`${flex()}/v1/Interactions`, {
      ...authorized(ctx, { method: "POST", headers: FORM }),
      body: "a".repeat(MiB),
    });
    expectTwilioError(await answerOf(at), 400);
    expect(ctx.emulator.requests().map((r) => [r.status, r.bodyBytes])).toEqual([
      [413, MiB + 1],
      [400, MiB],
    ]);
    await expectStillAnswering(ctx);
  });

  it("answers a fault inside a handler 500 with Twilio's body and one console line", async () => {
    const lines = consoleLines();
    failNextInteractionAnswer();
    const result = await ctx.twilio.flex.POST("/v1/Interactions", {
      body: { Channel: SEED_CHANNEL, Routing: SEED_ROUTING_PARAMS },
    });
    expect(result.response.status).toBe(500);
    expect(result.error).toMatchObject({ code: 20500, status: 500, message: expect.stringMatching(/changed nothing/) });
    expect(lines()).toEqual([
      expect.stringMatching(
        /^twilio-interactions\/testing: the emulator failed on POST \/v1\/Interactions \(RQ\w{32}\): RangeError: injected fault/,
      ),
    ]);
    await expect(createOutboundSms(ctx.twilio, SEED_ROUTING, SEED_SMS)).resolves.toMatchObject({ sid: /^KD/ });
  });

  it("answers a fault outside any handler 500 too, and stays up", async () => {
    const lines = consoleLines();
    failNextDate();
    const response = await ctx.send(`${flex()}/v1/Interactions/KD${"0".repeat(32)}`, authorized(ctx));
    expectTwilioError(await answerOf(response), 500);
    expect(lines()).toEqual([expect.stringMatching(/the emulator failed on GET .*RangeError: injected fault/)]);
    await expectStillAnswering(ctx);
  });

  it("refuses webhook URLs that are not http or https, or carry a user name or password", async () => {
    const path = { InstanceSid: ctx.emulator.flexInstanceSid as Sid<"GO"> };
    for (const url of [
      "file:///etc/passwd",
      "javascript:alert(1)",
      "data:text/plain,hi",
      "ftp://example.org/x",
      "https://user:secret@example.org/hook",
      "https://user@example.org/hook",
    ]) {
      const result = await ctx.twilio.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks", {
        params: { path },
        body: { WebhookUrl: url, WebhookMethod: "POST", WebhookEvents: ["onChannelStatusUpdated"] },
      });
      expect(result.response.status, url).toBe(400);
      expect(result.error, url).toMatchObject({ message: expect.stringMatching(/^Invalid parameter WebhookUrl: /) });
      expect(JSON.stringify(result.error)).not.toContain("secret");
    }
    const ok = await unwrap(
      ctx.twilio.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks", {
        params: { path },
        body: {
          WebhookUrl: "http://127.0.0.1:9/hook",
          WebhookMethod: "POST",
          WebhookEvents: ["onChannelStatusUpdated"],
        },
      }),
    );
    const update = await ctx.twilio.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", {
      params: { path: { ...path, Ttid: ok.ttid } },
      body: { WebhookUrl: "javascript:alert(1)" },
    });
    expect(update.response.status).toBe(400);
    const [hook] = (
      await unwrap(ctx.twilio.flex.GET("/v1/Instances/{InstanceSid}/InteractionWebhooks", { params: { path } }))
    ).data;
    expect(hook!.webhook_url).toBe("http://127.0.0.1:9/hook");
  });
});

describe("emulator under hostile requests (in-process body streams)", () => {
  it("stops reading a streamed body once it passes the cap", async () => {
    const emulator = createEmulator({ maxBodyBytes: 64 * 1024 });
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(97);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { accountSid, authToken } = emulator.credentials;
    const response = await emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`, ...FORM },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    // What was read: the cap and the chunk that passed it, give or take the stream's own read-ahead.
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 3 * chunk.byteLength);
    expect(emulator.requests()[0]).toMatchObject({
      status: 413,
      bodyBytes: 64 * 1024 + chunk.byteLength,
      params: null,
    });
  });
});

describe("the emulator's HTTP server", () => {
  const ctx = useEmulator("http");
  const auth = () => authLine(ctx.emulator.credentials);

  it("answers every probe a scanner or a fuzzer sends with Twilio's error body, and goes on", async () => {
    for (const probe of PROBES) {
      await expectRefused(ctx.baseUrls.flex, auth(), probe);
      await expectStillAnswering(ctx);
    }
  });

  it("puts page URLs on its own origin, whatever the request's Host or absolute-form target", async () => {
    const session = ctx.emulator.proxySession({ interactions: 5 });
    await expectOwnPageUrls(ctx.baseUrls.proxy, auth(), session);
  });

  it("answers 413 as soon as a streamed body passes the cap, without reading the rest", async () => {
    const path = "POST /v1/Interactions HTTP/1.1";
    const answer = await rawUpload(
      ctx.baseUrls.flex,
      `${path}\r\n${auth()}\r\nContent-Type: ${FORM["content-type"]}`,
      64 * 1024,
    );
    expectTwilioError(answer, 413);
    expect(answer.headers.connection).toBe("close");
    // The upload never ends: the answer came once the emulator had read just past the cap.
    const [logged] = ctx.emulator.requests();
    expect(logged).toMatchObject({ status: 413, body: expect.any(String), params: null });
    expect(logged!.bodyBytes).toBeGreaterThan(MiB);
    expect(logged!.bodyBytes).toBeLessThanOrEqual(MiB + 64 * 1024);
    expect(logged!.body).toHaveLength(64 * 1024);
    await expectStillAnswering(ctx);
  });

  it("answers 500 with Twilio's body when the listener itself fails, and goes on", async () => {
    const lines = consoleLines();
    vi.spyOn(TextDecoder.prototype, "decode").mockImplementationOnce(() => {
      throw new TypeError("injected fault");
    });
    const answer = await rawRequest(
      ctx.baseUrls.flex,
      `POST /v1/Interactions HTTP/1.1\r\n${auth()}\r\nContent-Type: ${FORM["content-type"]}\r\nContent-Length: 3`,
      "a=b",
    );
    expectTwilioError(answer, 500);
    expect(lines()).toEqual([
      expect.stringMatching(/the emulator failed on POST \/v1\/Interactions \(RQ\w{32}\): TypeError: injected fault/),
    ]);
    await expectStillAnswering(ctx);
  });

  it("declares each answer's length in bytes rather than sending chunks, whatever its characters", async () => {
    const { accountSid, authToken } = ctx.emulator.credentials;
    const authorization = `Basic ${btoa(`${accountSid}:${authToken}`)}`;
    const attributes = { customerName: "Zoë Ångström 😀", customerAddress: SEED_SMS.customerNumber };
    const created = await fetch(`${ctx.baseUrls.flex}/v1/Interactions`, {
      method: "POST",
      headers: { authorization, ...FORM },
      body: new URLSearchParams({
        Channel: JSON.stringify(SEED_CHANNEL),
        Routing: JSON.stringify({ properties: { ...SEED_ROUTING_PARAMS.properties, attributes } }),
      }),
    });
    const fetched = await fetch(`${ctx.baseUrls.flex}/v1/Interactions/${(await created.clone().json()).sid}`, {
      headers: { authorization },
    });
    const refused = await fetch(`${ctx.baseUrls.flex}/v1/Interactions/KD${"0".repeat(32)}`);
    const texts: string[] = [];
    for (const answer of [created, fetched, refused]) {
      const bytes = new Uint8Array(await answer.arrayBuffer());
      expect(answer.headers.get("transfer-encoding")).toBeNull();
      expect(answer.headers.get("content-length")).toBe(String(bytes.byteLength));
      texts.push(new TextDecoder().decode(bytes));
    }
    expect([created.status, fetched.status, refused.status]).toEqual([200, 200, 401]);
    // Characters of two, three and four bytes in UTF-8: the declared length counts bytes, not characters.
    expect(texts[1]).toContain("Zoë Ångström 😀");
  });

  it("uses a configured public base URL for the URLs in its answers", async () => {
    const server = await ctx.emulator.listen({
      publicBaseUrls: { flex: "https://flex.emulator.example", proxy: "https://proxy.emulator.example:8443/" },
    });
    try {
      const session = ctx.emulator.proxySession({ interactions: 3 });
      const { accountSid, authToken } = ctx.emulator.credentials;
      const url = `${server.baseUrls.proxy}/v1/Services/${session.serviceSid}/Sessions/${session.sessionSid}/Interactions?PageSize=2`;
      const page = await (
        await fetch(url, { headers: { authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}` } })
      ).json();
      expect(page.meta.next_page_url).toMatch(/^https:\/\/proxy\.emulator\.example:8443\/v1\/Services\/KS/);
    } finally {
      await server.close();
    }
    await expect(ctx.emulator.listen({ publicBaseUrls: { flex: "https://x.example/base" } })).rejects.toThrow(
      /publicBaseUrls\.flex must be an http or https origin/,
    );
  });
});

// 1,000 requests in flight at once through one client: every one completes
// on its first attempt with its own response, none is lost or duplicated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInteractionsClient, unwrap } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

const REQUESTS = 1000;
const sid = (i: number): `KD${string}` => `KD${i.toString(16).padStart(32, "0")}`;

describe("1,000 concurrent requests", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Echoes the SID of the path and the WebhookTtid of a POST body, after a
    // short random delay so that responses complete out of order.
    server = await startServer((request, response) => {
      const [, , , interaction] = request.url.split("/");
      const ttid = new URLSearchParams(request.body).get("WebhookTtid");
      setTimeout(() => json(response, 200, { sid: interaction, webhook_ttid: ttid }), Math.random() * 20);
    });
  });
  afterAll(() => server.close());

  it("all complete correctly, half GET and half POST, each sent exactly once", async () => {
    const client = createInteractionsClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrls: { flex: server.url },
      maxRetries: 0, // a failure must show, not be retried away
    });
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        i % 2 === 0
          ? unwrap(client.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: sid(i) } } }))
          : unwrap(
              client.flex.POST("/v1/Interactions/{Sid}", {
                params: { path: { Sid: sid(i) } },
                body: { WebhookTtid: `flex_interactionwebhook_${i}` },
              }),
            ),
      ),
    );
    results.forEach((result, i) => {
      expect(result).toEqual({ sid: sid(i), webhook_ttid: i % 2 === 0 ? null : `flex_interactionwebhook_${i}` });
    });
    const seen = server.requests.map((r) => `${r.method} ${r.url}`).sort();
    const expected = Array.from(
      { length: REQUESTS },
      (_, i) => `${i % 2 === 0 ? "GET" : "POST"} /v1/Interactions/${sid(i)}`,
    );
    expect(seen).toEqual(expected.sort());
  });
});

// Form encoding: the exact bytes of a POST body on the wire, JSON-in-form
// fields chosen by the spec, no body or Content-Type on GET and DELETE, and a
// property test that decodes any encoded form back to its input.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { flexPaths } from "../../generated/flex-operations";
import { encodeForm } from "../../src/form";
import { CHANNEL_SID, INTERACTION_SID, PROXY_INTERACTION_SID, SERVICE_SID, SESSION_SID } from "../helpers/fixtures";
import { SEED_CHANNEL } from "../helpers/seed";
import { useServerAndClient } from "../helpers/client";
import { json } from "../helpers/server";

const env = useServerAndClient();
beforeEach(() =>
  env.server.reset((req, res) => (req.method === "DELETE" ? res.writeHead(204).end() : json(res, 200, {}))),
);

describe("on the wire", () => {
  it("a create-interaction body is exactly the form Twilio documents", async () => {
    await env.twilio.flex.POST("/v1/Interactions", {
      body: {
        Channel: SEED_CHANNEL,
        Routing: {
          properties: {
            workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            attributes: { customerName: "first last" },
          },
        },
        WebhookTtid: "flex_interactionwebhook_00000000000000000000000000",
      },
    });
    const [request] = env.server.requests;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.body).toBe(
      "Channel=%7B%22type%22%3A%22sms%22%2C%22initiated_by%22%3A%22agent%22%2C%22participants%22%3A%5B%7B%22address%22%3A%22%2B12345678910%22%2C%22proxy_address%22%3A%22%2B19255551234%22%7D%5D%7D" +
        "&Routing=%7B%22properties%22%3A%7B%22workspace_sid%22%3A%22WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%22%2C%22queue_sid%22%3A%22WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%22%2C%22worker_sid%22%3A%22WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%22%2C%22attributes%22%3A%7B%22customerName%22%3A%22first+last%22%7D%7D%7D" +
        "&WebhookTtid=flex_interactionwebhook_00000000000000000000000000",
    );
    expect(request?.headers["content-length"]).toBe(String(Buffer.byteLength(request!.body)));
  });

  it("a channel close sends the enum and the JSON-in-form Routing", async () => {
    await env.twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
      params: { path: { InteractionSid: INTERACTION_SID, Sid: CHANNEL_SID } },
      body: { Status: "closed", Routing: { status: "closed" } },
    });
    expect(env.server.requests[0]?.body).toBe("Status=closed&Routing=%7B%22status%22%3A%22closed%22%7D");
  });

  it("a transfer body is JSON, as the spec declares", async () => {
    await env.twilio.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers", {
      params: { path: { InteractionSid: INTERACTION_SID, ChannelSid: CHANNEL_SID } },
      body: { type: "cold", to: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    });
    expect(env.server.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(env.server.requests[0]?.body).toBe('{"type":"cold","to":"WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}');
  });

  it("GET and DELETE carry no body and no Content-Type", async () => {
    await env.twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } });
    await env.twilio.proxy.DELETE("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
      params: { path: { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID, Sid: PROXY_INTERACTION_SID } },
    });
    for (const request of env.server.requests) {
      expect(request.body).toBe("");
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.headers["content-length"] ?? "0").toBe("0");
    }
    expect(env.server.requests.map((r) => r.method)).toEqual(["GET", "DELETE"]);
  });
});

describe("encodeForm", () => {
  it("takes the JSON-in-form fields from the spec, not from a hand list", () => {
    expect(flexPaths["/v1/Interactions"].post.jsonFields).toEqual(["Channel", "Routing"]);
    expect(flexPaths["/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants"].post.jsonFields).toEqual([
      "MediaProperties",
      "RoutingProperties",
    ]);
  });

  it("encodes scalars, arrays, dates and drops undefined and null", () => {
    const form = encodeForm(
      {
        A: "x y",
        B: true,
        C: false,
        D: 0,
        E: [1, "two"],
        F: new Date("2024-01-02T03:04:05.678Z"),
        G: undefined,
        H: null,
        J: { k: [1] },
      },
      ["J"],
    );
    expect(form.toString()).toBe(
      "A=x+y&B=true&C=false&D=0&E=1&E=two&F=2024-01-02T03%3A04%3A05.678Z&J=%7B%22k%22%3A%5B1%5D%7D",
    );
  });

  it("sends an already-encoded JSON string unchanged", () => {
    expect(encodeForm({ Channel: '{"type":"sms"}' }, ["Channel"]).get("Channel")).toBe('{"type":"sms"}');
  });

  it("refuses values a form cannot carry, with the field name", () => {
    expect(() => encodeForm({ PageSize: Number.NaN })).toThrow(/PageSize must be a finite number/);
    expect(() => encodeForm({ When: new Date("nope") })).toThrow(/When is an invalid Date/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeForm({ Channel: cyclic }, ["Channel"])).toThrow(/Channel cannot be encoded as JSON/);
    expect(() => encodeForm("Status=closed")).toThrow(/must be an object of form fields/);
    expect(() => encodeForm({ Body: "cut \uD83D" })).toThrow(/Body contains a lone UTF-16 surrogate/);
    expect(encodeForm({ Body: "whole \uD83D\uDE00" }).get("Body")).toBe("whole 😀");
  });

  it("decodes back to its input (property test)", () => {
    const key = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,11}$/);
    const scalar = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.date({ noInvalidDate: true }),
    );
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { minLength: 1, maxLength: 4 }),
      fc.jsonValue().filter((v) => typeof v === "object" && v !== null),
      fc.constant(undefined),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.array(key, { maxLength: 3 }), (body, jsonFields) => {
        const decoded = new URLSearchParams(encodeForm(body, jsonFields).toString());
        const expected: [string, string][] = [];
        for (const [name, v] of Object.entries(body)) {
          if (v === undefined || v === null) continue;
          const one = (x: unknown) =>
            x instanceof Date ? x.toISOString() : typeof x === "object" ? JSON.stringify(x) : String(x);
          if (Array.isArray(v) && !jsonFields.includes(name)) {
            for (const item of v) if (item !== undefined && item !== null) expected.push([name, one(item)]);
          } else expected.push([name, one(v)]);
        }
        expect([...decoded.entries()]).toEqual(expected);
        for (const [name, v] of expected) {
          if (typeof body[name] === "object" && !(body[name] instanceof Date) && !Array.isArray(body[name])) {
            expect(JSON.parse(v)).toEqual(JSON.parse(JSON.stringify(body[name])));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// The 22 operations: the 17 of the wire contract (Flex F1–F14, Proxy P1–P3)
// and the 5 of the interaction webhooks, checked against the bundled
// descriptions: method, path, SID and other path parameters, query
// parameters, request media type, success status and error responses.
import { describe, expect, it } from "vitest";
import { API_NAMES, type ApiName, resolve, loadSpec, operationsOf } from "../helpers/spec";

interface Expected {
  api: ApiName;
  id: string;
  method: string;
  path: string;
  sids: Record<string, string>;
  /** Path parameters that are not SIDs, with their pattern. */
  patterns?: Record<string, string>;
  paged?: boolean;
  /** Query parameters of a list, when they are not the usual three paging ones. */
  query?: string[];
  body?: "application/x-www-form-urlencoded" | "application/json";
  required?: string[];
  /** Required fields of each `oneOf` alternative, for a body whose valid combinations differ. */
  alternatives?: string[][];
  status: string;
}

const F = "application/x-www-form-urlencoded";
const KD = { InteractionSid: "KD" };
const KD_UO = { InteractionSid: "KD", ChannelSid: "UO" };
const PROXY = { ServiceSid: "KS", SessionSid: "KC" };
const I = "/v1/Interactions";
const C = `${I}/{InteractionSid}/Channels`;
const P = "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions";
const W = "/v1/Instances/{InstanceSid}/InteractionWebhooks";
const GO = { InstanceSid: "GO" };
const TTID = { Ttid: "^flex_interactionwebhook_[0-9a-z]+$" };

const EXPECTED: Expected[] = [
  {
    api: "flex",
    id: "CreateInteraction",
    method: "post",
    path: I,
    sids: {},
    body: F,
    // Agent-initiated (Routing required, with queue_sid and worker_sid) or inbound (Routing optional).
    alternatives: [["Channel", "Routing"], ["Channel"]],
    status: "200",
  },
  { api: "flex", id: "FetchInteraction", method: "get", path: `${I}/{Sid}`, sids: { Sid: "KD" }, status: "200" },
  {
    api: "flex",
    id: "UpdateInteraction",
    method: "post",
    path: `${I}/{Sid}`,
    sids: { Sid: "KD" },
    body: F,
    required: [],
    status: "200",
  },
  { api: "flex", id: "ListInteractionChannel", method: "get", path: C, sids: KD, paged: true, status: "200" },
  {
    api: "flex",
    id: "FetchInteractionChannel",
    method: "get",
    path: `${C}/{Sid}`,
    sids: { ...KD, Sid: "UO" },
    status: "200",
  },
  {
    api: "flex",
    id: "UpdateInteractionChannel",
    method: "post",
    path: `${C}/{Sid}`,
    sids: { ...KD, Sid: "UO" },
    body: F,
    // Close (Routing optional) or leave (Routing {status: closed} required).
    alternatives: [["Status"], ["Routing", "Status"]],
    status: "200",
  },
  {
    api: "flex",
    id: "CreateInteractionChannelParticipant",
    method: "post",
    path: `${C}/{ChannelSid}/Participants`,
    sids: KD_UO,
    body: F,
    required: ["MediaProperties", "Type"],
    status: "200",
  },
  {
    api: "flex",
    id: "ListInteractionChannelParticipant",
    method: "get",
    path: `${C}/{ChannelSid}/Participants`,
    sids: KD_UO,
    paged: true,
    status: "200",
  },
  {
    api: "flex",
    id: "UpdateInteractionChannelParticipant",
    method: "post",
    path: `${C}/{ChannelSid}/Participants/{Sid}`,
    sids: { ...KD_UO, Sid: "UT" },
    body: F,
    required: ["Status"],
    status: "200",
  },
  {
    api: "flex",
    id: "CreateInteractionChannelInvite",
    method: "post",
    path: `${C}/{ChannelSid}/Invites`,
    sids: KD_UO,
    body: F,
    required: ["Routing"],
    status: "200",
  },
  {
    api: "flex",
    id: "ListInteractionChannelInvite",
    method: "get",
    path: `${C}/{ChannelSid}/Invites`,
    sids: KD_UO,
    paged: true,
    status: "200",
  },
  {
    api: "flex",
    id: "CreateInteractionTransfer",
    method: "post",
    path: `${C}/{ChannelSid}/Transfers`,
    sids: KD_UO,
    body: "application/json",
    status: "201",
  },
  {
    api: "flex",
    id: "FetchInteractionTransfer",
    method: "get",
    path: `${C}/{ChannelSid}/Transfers/{Sid}`,
    sids: { ...KD_UO, Sid: "UX" },
    status: "200",
  },
  {
    api: "flex",
    id: "UpdateInteractionTransfer",
    method: "post",
    path: `${C}/{ChannelSid}/Transfers/{Sid}`,
    sids: { ...KD_UO, Sid: "UX" },
    body: "application/json",
    status: "200",
  },
  {
    api: "flex",
    id: "CreateInteractionWebhook",
    method: "post",
    path: W,
    sids: GO,
    body: F,
    required: ["WebhookEvents", "WebhookMethod", "WebhookUrl"],
    status: "201",
  },
  {
    api: "flex",
    id: "ListInteractionWebhook",
    method: "get",
    path: W,
    sids: GO,
    paged: true,
    query: ["Page", "PageSize", "type"],
    status: "200",
  },
  {
    api: "flex",
    id: "FetchInteractionWebhook",
    method: "get",
    path: `${W}/{Ttid}`,
    sids: GO,
    patterns: TTID,
    status: "200",
  },
  {
    api: "flex",
    id: "UpdateInteractionWebhook",
    method: "post",
    path: `${W}/{Ttid}`,
    sids: GO,
    patterns: TTID,
    body: F,
    required: [],
    status: "200",
  },
  {
    api: "flex",
    id: "DeleteInteractionWebhook",
    method: "delete",
    path: `${W}/{Ttid}`,
    sids: GO,
    patterns: TTID,
    status: "204",
  },
  {
    api: "proxy",
    id: "FetchProxyInteraction",
    method: "get",
    path: `${P}/{Sid}`,
    sids: { ...PROXY, Sid: "KI" },
    status: "200",
  },
  { api: "proxy", id: "ListProxyInteraction", method: "get", path: P, sids: PROXY, paged: true, status: "200" },
  {
    api: "proxy",
    id: "DeleteProxyInteraction",
    method: "delete",
    path: `${P}/{Sid}`,
    sids: { ...PROXY, Sid: "KI" },
    status: "204",
  },
];

const all = API_NAMES.flatMap((api) => operationsOf(loadSpec(api)).map((o) => ({ ...o, api, doc: loadSpec(api) })));

describe("the API descriptions", () => {
  it("hold exactly the 22 operations, with operationIds unique across both documents", () => {
    expect(all.map((o) => o.op.operationId).sort()).toEqual(EXPECTED.map((e) => e.id).sort());
    expect(new Set(all.map((o) => o.op.operationId)).size).toBe(22);
  });

  it("name the documented servers", () => {
    expect(loadSpec("flex").servers[0].url).toBe("https://flex-api.twilio.com");
    expect(loadSpec("proxy").servers[0].url).toBe("https://proxy.twilio.com");
  });

  describe.each(EXPECTED)("$id", (expected) => {
    const found = all.find((o) => o.op.operationId === expected.id)!;

    it(`is ${expected.method.toUpperCase()} ${expected.path} in the ${expected.api} API`, () => {
      expect(found).toBeDefined();
      expect([found.api, found.method, found.path]).toEqual([expected.api, expected.method, expected.path]);
    });

    it("declares every path parameter as required, a SID with its prefix pattern or another pattern", () => {
      const path = found.params.filter((p) => p.in === "path");
      expect(Object.fromEntries(path.map((p) => [p.name, resolve(found.doc, p.schema).pattern]))).toEqual({
        ...Object.fromEntries(Object.entries(expected.sids).map(([n, x]) => [n, `^${x}[0-9a-fA-F]{32}$`])),
        ...expected.patterns,
      });
      for (const p of path) {
        expect(p.required).toBe(true);
        const sized = expected.sids[p.name] ? { minLength: 34, maxLength: 34 } : {};
        expect(resolve(found.doc, p.schema)).toMatchObject({ type: "string", ...sized });
      }
    });

    it("has the paging query parameters exactly when it is a list", () => {
      const query = found.params.filter((p) => p.in === "query");
      if (!expected.paged) return expect(query).toEqual([]);
      expect(query.map((p) => p.name).sort()).toEqual(expected.query ?? ["Page", "PageSize", "PageToken"]);
      expect(resolve(found.doc, query.find((p) => p.name === "PageSize")!.schema)).toMatchObject({
        type: "integer",
        minimum: 1,
        maximum: 1000,
      });
    });

    it("takes the documented request body", () => {
      const content = resolve(found.doc, found.op.requestBody)?.content;
      if (!expected.body) return expect(content).toBeUndefined();
      expect(Object.keys(content)).toEqual([expected.body]);
      const schema = resolve(found.doc, content[expected.body].schema);
      const requiredOf = (node: unknown) => [...(resolve(found.doc, node).required ?? [])].sort();
      if (expected.required) expect(requiredOf(schema)).toEqual(expected.required);
      if (expected.alternatives) expect((schema.oneOf ?? []).map(requiredOf)).toEqual(expected.alternatives);
    });

    it(`answers ${expected.status} on success and the Twilio error body otherwise`, () => {
      const statuses = Object.keys(found.op.responses);
      expect(statuses.filter((s) => s.startsWith("2"))).toEqual([expected.status]);
      const body = found.op.responses[expected.status].content?.["application/json"];
      if (expected.status === "204") expect(body).toBeUndefined();
      else expect(body?.schema).toBeDefined();
      for (const status of ["400", "401", "403", "404", "429", "default"]) {
        expect(resolve(found.doc, found.op.responses[status])?.content["application/json"].schema).toEqual({
          $ref: "#/components/schemas/TwilioError",
        });
      }
    });
  });
});

// The resource tree is generated from the spec: every operation of every API
// has exactly one method, every method sends an operation of the spec, and the
// client carries each method where the tree says. The generator's naming
// rules are checked on small documents of their own, including the cases it
// must refuse with a message.
import { describe, expect, it } from "vitest";
import { createInteractionsClient } from "twilio-interactions";
import { apis } from "../../generated/apis";
import { apiFacts } from "../../scripts/codegen/facts.mts";
import { renderResourceTypes } from "../../scripts/codegen/resource-types.mts";
import { lowerCamel, methodsOf, resourceData, resourceTree } from "../../scripts/codegen/resources.mts";
import type { ResourceDescription } from "../../src/api-description";
import { type Json, loadSpec, operationsOf } from "../helpers/spec";

interface Found {
  chain: string;
  operationId: string;
  method: string;
  path: string;
}

// Walks the generated data and the client side by side: a method in the data
// must be a function at the same place on the client.
function walk(node: ResourceDescription, target: any, chain: string, found: Found[]): void {
  for (const [name, m] of Object.entries(node.methods ?? {})) {
    expect(typeof target[name], `${chain}.${name}`).toBe("function");
    found.push({ chain: `${chain}.${name}`, operationId: m.operationId, method: m.method, path: m.path });
  }
  for (const [name, child] of Object.entries(node.resources ?? {}))
    walk(child, target[name], `${chain}.${name}`, found);
  const { instance } = node;
  if (instance) {
    const value = instance.sid ? `${instance.sid}${"a".repeat(32)}` : "some-id";
    walk(instance, target(value), `${chain}(${instance.param})`, found);
  }
}

describe("the generated resource tree", () => {
  const twilio = createInteractionsClient({ accountSid: `AC${"a".repeat(32)}`, authToken: "token" });

  for (const [name, api] of Object.entries(apis)) {
    it(`${name}: maps every operation to exactly one method, and every method to an operation`, () => {
      const found: Found[] = [];
      walk(api.resources, twilio[name as keyof typeof apis], `twilio.${name}`, found);
      const spec = operationsOf(loadSpec(name as keyof typeof apis)).map((e) => ({
        operationId: e.op.operationId as string,
        method: e.method,
        path: e.path,
      }));
      const byId = (a: { operationId: string }, b: { operationId: string }) =>
        a.operationId.localeCompare(b.operationId);
      expect(found.map(({ operationId, method, path }) => ({ operationId, method, path })).sort(byId)).toEqual(
        spec.sort(byId),
      );
      expect(new Set(found.map((f) => f.chain)).size).toBe(found.length);
    });
  }

  it("names the methods of the issue after their operationIds", () => {
    const found: Found[] = [];
    walk(apis.flex.resources, twilio.flex, "twilio.flex", found);
    walk(apis.proxy.resources, twilio.proxy, "twilio.proxy", found);
    const chains = Object.fromEntries(found.map((f) => [f.operationId, f.chain]));
    expect(chains).toMatchObject({
      CreateInteraction: "twilio.flex.interactions.create",
      UpdateInteractionChannelParticipant:
        "twilio.flex.interactions(InteractionSid).channels(ChannelSid).participants(Sid).update",
      ListInteractionChannelInvite: "twilio.flex.interactions(InteractionSid).channels(ChannelSid).invites.list",
      DeleteProxyInteraction: "twilio.proxy.services(ServiceSid).sessions(SessionSid).interactions(Sid).remove",
    });
  });
});

// A minimal document: one list page schema per list, every operation answering JSON.
function document(paths: Json): Json {
  const page = (key: string) => ({
    type: "object",
    properties: { [key]: { type: "array", items: { type: "object" } }, meta: { type: "object" } },
  });
  const answer = (schema: Json) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
  const out: Json = {};
  for (const [path, ops] of Object.entries<Json>(paths)) {
    out[path] = {};
    for (const [method, op] of Object.entries<Json>(ops)) {
      const schema = op.listKey ? page(op.listKey) : { type: "object" };
      const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, param]) => ({
        name: param,
        in: "path",
        required: true,
        schema: param!.endsWith("Sid") ? { type: "string", pattern: "^GO[0-9a-fA-F]{32}$" } : { type: "string" },
      }));
      const { listKey: _listKey, ...rest } = op;
      out[path][method] = { parameters: params, responses: answer(schema), ...rest };
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: "Test API", version: "v1" },
    servers: [{ url: "https://x.test" }],
    paths: out,
  };
}

const tree = (paths: Json) => {
  const doc = document(paths);
  return resourceTree(doc, apiFacts(doc));
};
const types = (paths: Json) => renderResourceTypes("test", tree(paths), document(paths));

const WEBHOOKS: Json = {
  "/v1/Instances/{InstanceSid}/InteractionWebhooks": {
    get: { operationId: "ListInteractionWebhook", listKey: "data" },
    post: { operationId: "CreateInteractionWebhook" },
  },
  "/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}": {
    get: { operationId: "FetchInteractionWebhook" },
    delete: { operationId: "DeleteInteractionWebhook" },
  },
};

describe("the generator's naming rules", () => {
  it("turns path segments into lower camel case resources, and non-SID parameters and any list key into handles and lists", () => {
    const webhooks = tree(WEBHOOKS);
    expect(methodsOf(webhooks).map((m) => m.chain)).toEqual([
      ".instances(…).interactionWebhooks.list",
      ".instances(…).interactionWebhooks.create",
      ".instances(…).interactionWebhooks(…).fetch",
      ".instances(…).interactionWebhooks(…).remove",
    ]);
    const data = resourceData(webhooks);
    expect(data.resources.instances.instance).toMatchObject({ param: "InstanceSid", sid: "GO" });
    const handle = data.resources.instances.instance.resources.interactionWebhooks;
    expect(handle.instance).toEqual({
      param: "Ttid",
      methods: {
        fetch: expect.objectContaining({ pathParams: ["InstanceSid", "Ttid"] }),
        remove: expect.objectContaining({ method: "delete" }),
      },
    });
    expect(handle.methods.list).toMatchObject({ list: true });
    const rendered = types(WEBHOOKS);
    expect(rendered).toContain("(ttid: string): InteractionWebhookHandle;");
    expect(rendered).toContain('<S extends string>(instanceSid: SidArg<"GO", S>): TestInstancesHandle;');
  });

  it("takes a method name from x-sdk-method where the verb gives none", () => {
    const archive = tree({ "/v1/Things/{Sid}": { post: { operationId: "ArchiveThing", "x-sdk-method": "archive" } } });
    expect(methodsOf(archive).map((m) => m.chain)).toEqual([".things(…).archive"]);
  });

  it("fails with a message when a name cannot be derived or would clash", () => {
    expect(() => tree({ "/v1/Things/{Sid}": { post: { operationId: "ArchiveThing" } } })).toThrow(
      /ArchiveThing \(POST \/v1\/Things\/\{Sid\}\): cannot derive a method name .*x-sdk-method/,
    );
    expect(() =>
      tree({
        "/v1/Things": { post: { operationId: "CreateThing" } },
        "/v1/Things/": { post: { operationId: "CreateOtherThing" } },
      }),
    ).toThrow(/create\(\) already exists here for CreateThing/);
    expect(() => tree({ "/v1/Things": { get: { operationId: "ListThing" } } })).toThrow(/must answer with a page/);
    expect(() => tree({ "/v1/Things": { post: { operationId: "CreateThing", "x-sdk-method": "Bad Name" } } })).toThrow(
      /x-sdk-method must be a lower camel case name/,
    );
    expect(() => tree({ "/v1/Paginate": { post: { operationId: "CreateThing" } } })).toThrow(/reserved/);
  });

  it("writes resource names in lower camel case", () => {
    expect(["Interactions", "InteractionWebhooks", "interaction-webhooks", "Sessions"].map(lowerCamel)).toEqual([
      "interactions",
      "interactionWebhooks",
      "interactionWebhooks",
      "sessions",
    ]);
  });
});

// `npm run spec:upstream` against small descriptions written for these tests
// in the conventions of Twilio's published ones: the unchanged fixture shows
// no drift, and each change Twilio could make (an enum value, a field, an
// operation, a status code) is caught in its group, while a difference our
// spec lists as a deviation is reported with its reason and does not fail.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareDescriptions } from "../../scripts/upstream/compare.mts";
import { runScript } from "../integration/support/processes";
import { loadSpec } from "../helpers/spec";

type Json = Record<string, any>;

const FIXTURE = new URL("fixtures/proxy-interactions.yaml", import.meta.url);
const baseline = parse(await readFile(FIXTURE, "utf8")) as Json;
const proxy = loadSpec("proxy");
const flex = loadSpec("flex");
const SESSION = "/v1/Services/{ServiceSid}/Sessions/{SessionSid}";
const INSTANCE = `${SESSION}/Interactions/{Sid}`;
const INTERACTION = "proxy.v1.service.session.interaction";

/** The fixture with one change made by `edit`. */
function twilioWith(edit: (doc: Json) => void): Json {
  const doc = structuredClone(baseline);
  edit(doc);
  return doc;
}

const summary = (doc: Json, ours: Json = proxy) => {
  const { differences, known, uncovered } = compareDescriptions(ours, doc);
  return {
    differences: differences.map((d) => `${d.group}: ${d.operation} › ${d.subject}: ${d.detail}`),
    known: known.map((d) => `${d.group}: ${d.operation} › ${d.subject}`),
    uncovered,
  };
};

describe("the comparer", () => {
  it("finds no difference between our Proxy spec and the unchanged fixture", () => {
    expect(summary(baseline)).toEqual({ differences: [], known: [], uncovered: [] });
  });

  it("catches an added enum value, as Twilio added", () => {
    const doc = twilioWith((d) => d.components.schemas.interaction_enum_type.enum.push("video"));
    expect(summary(doc).differences).toEqual([
      `added: GET ${SESSION}/Interactions › response field interactions[].type: enum value video: new enum value`,
      `added: GET ${INSTANCE} › response field type: enum value video: new enum value`,
    ]);
  });

  it("catches a removed response field, as Twilio removed", () => {
    const doc = twilioWith((d) => delete d.components.schemas[INTERACTION].properties.data);
    expect(summary(doc).differences).toEqual([
      `removed: GET ${SESSION}/Interactions › response field interactions[].data: string carrying JSON`,
      `removed: GET ${INSTANCE} › response field data: string carrying JSON`,
    ]);
  });

  it("catches a new operation in the Interactions family, and lists it as not covered", () => {
    const doc = twilioWith((d) => {
      d.paths[INSTANCE].post = { operationId: "UpdateInteraction", responses: { "200": { description: "OK" } } };
    });
    expect(summary(doc)).toEqual({
      differences: [`added: POST ${INSTANCE} › operation: UpdateInteraction, which we do not cover`],
      known: [],
      uncovered: [`POST ${INSTANCE}`],
    });
  });

  it("catches a changed success status, as differs", () => {
    const doc = twilioWith((d) => {
      d.paths[INSTANCE].delete.responses = { "200": { description: "OK" } };
    });
    expect(summary(doc).differences).toEqual([`differs: DELETE ${INSTANCE} › success status: ours 204, Twilio's 200`]);
  });

  it("catches a changed type, pattern, requirement and parameter name, and an operation Twilio dropped", () => {
    const doc = twilioWith((d) => {
      const fields = d.components.schemas[INTERACTION].properties;
      fields.date_created = { type: "integer", nullable: true };
      fields.sid.pattern = "^KX[0-9a-fA-F]{32}$";
      d.paths[`${SESSION}/Interactions`].get.parameters[2].required = true;
      d.paths[INSTANCE].get.parameters[2].name = "InteractionSid";
      delete d.paths[INSTANCE].delete;
    });
    expect(summary(doc).differences).toEqual(
      expect.arrayContaining([
        `differs: GET ${INSTANCE} › path parameter 3: named Sid here, InteractionSid by Twilio`,
        `differs: GET ${INSTANCE} › response field date_created: type: ours string, Twilio's integer`,
        `differs: GET ${INSTANCE} › response field sid: pattern: ours ^KI[0-9a-fA-F]{32}$, Twilio's ^KX[0-9a-fA-F]{32}$`,
        `removed: DELETE ${INSTANCE} › operation: not in Twilio's description`,
        `differs: GET ${SESSION}/Interactions › query parameter PageSize: required: ours no, Twilio's yes`,
      ]),
    );
  });

  it("does not count the fields we describe inside an object Twilio leaves open (such as its uri-map links)", () => {
    const doc = twilioWith((d) => {
      d.paths[`${SESSION}/Interactions`].get.responses["200"].content["application/json"].schema.properties.meta = {
        type: "object",
        format: "uri-map",
      };
    });
    expect(summary(doc).differences).toEqual([]);
  });

  it("reports a listed deviation with its reason and does not count it as drift", () => {
    const messages = `${SESSION}/Participants/{ParticipantSid}/MessageInteractions`;
    const doc = twilioWith((d) => {
      d.paths[messages] = {
        get: { operationId: "ListMessageInteraction", responses: { "200": { description: "OK" } } },
        post: { operationId: "CreateMessageInteraction", responses: { "201": { description: "Created" } } },
      };
    });
    const { differences, known, uncovered } = compareDescriptions(proxy, doc);
    expect(differences).toEqual([]);
    expect(known.map((d) => `${d.group}: ${d.operation}`)).toEqual([
      `added: GET ${messages}`,
      `added: POST ${messages}`,
    ]);
    expect(known[0]!.reason).toMatch(/reading and deleting a session's interaction log/);
    expect(uncovered).toEqual([`GET ${messages}`, `POST ${messages}`]);
  });

  it("covers a listed field's own fields too: a JSON-in-form field typed by us, untyped by Twilio", () => {
    const ours = structuredClone(proxy);
    ours.components.schemas.ProxyInteraction.properties.data["x-upstream-deviation"] = "Typed from the docs.";
    const doc = twilioWith((d) => (d.components.schemas[INTERACTION].properties.data = { nullable: true }));
    expect(summary(doc).differences).toHaveLength(2);
    const { differences, known } = summary(doc, ours);
    expect(differences).toEqual([]);
    expect(known).toEqual([
      `differs: GET ${SESSION}/Interactions › response field interactions[].data`,
      `differs: GET ${INSTANCE} › response field data`,
    ]);
  });
});

describe("our spec's listed deviations", () => {
  it("each give a reason", () => {
    const reasons: unknown[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "x-upstream-deviation") reasons.push(value);
        else if (key === "x-upstream-deviations") reasons.push(...(value as Json[]).map((d) => d.reason));
        else visit(value);
      }
    };
    visit(flex);
    visit(proxy);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(typeof reason === "string" && reason.length > 20, String(reason)).toBe(true);
  });
});

// Child processes: slow on a saturated machine, as the other script tests.
describe("npm run spec:upstream", { timeout: 120_000 }, () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "upstream-"));
    const text = await readFile(FIXTURE, "utf8");
    server = createServer((_request, response) => response.end(text));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/twilio_proxy_v1.yaml`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a URL and a file, and exits 1 naming the change when one of them drifted", async () => {
    const changed = join(dir, "changed.json");
    const markdown = join(dir, "report.md");
    await writeFile(
      changed,
      JSON.stringify(twilioWith((d) => (d.paths[INSTANCE].delete.responses = { "200": { description: "OK" } }))),
    );
    const drift = await runScript("scripts/spec-upstream.mts", { args: [url, changed, "--markdown", markdown] });
    expect(drift.code, drift.stdout + drift.stderr).toBe(1);
    const [clean, changedSection] = drift.stdout.split(/^## /m).slice(1);
    expect(clean).toContain(`against ${url}`);
    expect(clean).not.toMatch(/^- /m);
    expect(changedSection).toContain("### Differs (1)");
    expect(changedSection).toContain(`- \`DELETE ${INSTANCE}\` success status: ours 204, Twilio's 200`);
    expect(await readFile(markdown, "utf8")).toContain("1 difference(s) from Twilio's description");
  });

  it("exits 2 on a description of an API we do not have", async () => {
    const other = join(dir, "other.yaml");
    await writeFile(other, stringify({ openapi: "3.0.1", servers: [{ url: "https://api.twilio.com" }], paths: {} }));
    const result = await runScript("scripts/spec-upstream.mts", { args: [other] });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("describes none of our APIs");
  });
});

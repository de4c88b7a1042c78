// What an editor shows when hovering the resource methods: short signatures
// with the named types of the spec, types that expand into named fields, and
// a real example per method, read from the TypeScript language service as an
// editor does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const file = join(root, "test/types/hover-probe.ts");
const source = `import { createInteractionsClient, type FlexApi, type Sid } from "../../src/index";
declare const kd: Sid<"KD">;
declare const uo: Sid<"UO">;
const twilio = createInteractionsClient();
twilio.flex.interactions.create;
twilio.flex.interactions(kd).channels(uo).participants.list;
twilio.proxy.services;
twilio.flex;
type Agent = FlexApi.AgentInteractionForm;
`;

// One language service for every hover, as in an editor: building the program is the costly part.
let service: ts.LanguageService | undefined;

function languageService(): ts.LanguageService {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    noEmit: true,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) =>
      name === file
        ? ts.ScriptSnapshot.fromString(source)
        : ts.sys.fileExists(name)
          ? ts.ScriptSnapshot.fromString(readFileSync(name, "utf8"))
          : undefined,
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
  };
  return ts.createLanguageService(host);
}

function quickInfo(marker: string): ts.QuickInfo | undefined {
  service ??= languageService();
  return service.getQuickInfoAtPosition(file, source.indexOf(marker) + marker.length - 1);
}

const hover = (marker: string) => ts.displayPartsToString(quickInfo(marker)?.displayParts);
const example = (marker: string) =>
  ts.displayPartsToString(quickInfo(marker)?.tags?.find((tag) => tag.name === "example")?.text);

it("shows short signatures with named types", () => {
  // One overload per alternative of the spec (agent- or customer/API-initiated), then their union.
  expect(hover("interactions.create")).toBe(
    "(method) InteractionResource.create(params: FlexApi.AgentInteractionForm, options?: RequestOptions): ApiPromise<FlexApi.Interaction> (+2 overloads)",
  );
  expect(hover("participants.list")).toBe(
    "(method) InteractionChannelParticipantResource.list(params?: FlexApi.ListInteractionChannelParticipantParams, options?: RequestOptions): Paginator<FlexApi.InteractionChannelParticipant, FlexApi.InteractionChannelParticipantPage>",
  );
  expect(hover("proxy.services")).toBe("(property) ProxyResources.services: ProxyServicesResource");
  expect(hover("twilio.flex;")).toBe("(property) ApiClients.flex: FlexClient");
});

it("expands a parameter type into fields of named types, with no `{ ...; }` placeholder", () => {
  expect(hover("type Agent")).toBe(
    [
      "type Agent = {",
      "    Channel: FlexApi.AgentChannelParams;",
      "    InteractionContextSid?: FlexApi.CreateInteractionContextSid;",
      "    Routing: FlexApi.AgentRoutingParams;",
      "    WebhookTtid?: FlexApi.CreateInteractionWebhookTtid;",
      "}",
    ].join("\n"),
  );
});

it("carries a real example per method: the spec's request example, and paging by page for lists", () => {
  expect(example("interactions.create")).toContain('initiated_by: "agent"');
  expect(example("interactions.create")).toContain('queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"');
  expect(example("interactions.create")).not.toContain("…");
  expect(example("participants.list")).toMatch(/for await \(const page of [\s\S]*\.pages\(\)\)/);
});

// What an editor shows when hovering the resource methods: short signatures
// with the named types of the spec, read from the TypeScript language
// service as an editor does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const file = join(root, "test/types/hover-probe.ts");
const source = `import { createInteractionsClient, type Sid } from "../../src/index";
declare const kd: Sid<"KD">;
declare const uo: Sid<"UO">;
const twilio = createInteractionsClient();
twilio.flex.interactions.create;
twilio.flex.interactions(kd).channels(uo).participants.list;
twilio.proxy.services;
twilio.flex;
`;

function hover(marker: string): string {
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
  const service = ts.createLanguageService(host);
  const position = source.indexOf(marker) + marker.length - 1;
  return ts.displayPartsToString(service.getQuickInfoAtPosition(file, position)?.displayParts);
}

it("shows short signatures with named types", () => {
  expect(hover("interactions.create")).toBe(
    "(method) InteractionResource.create(params: CreateInteractionParams, options?: RequestOptions): ApiPromise<Interaction>",
  );
  expect(hover("participants.list")).toBe(
    "(method) InteractionChannelParticipantResource.list(params?: ListInteractionChannelParticipantParams, options?: RequestOptions): Paginator<InteractionChannelParticipant, InteractionChannelParticipantPage>",
  );
  expect(hover("proxy.services")).toBe("(property) ProxyResources.services: ProxyServicesResource");
  expect(hover("twilio.flex;")).toBe("(property) ApiClients.flex: FlexClient");
});

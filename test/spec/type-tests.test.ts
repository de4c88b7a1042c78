// The compile-time tests in test/types/ only prove something if they fail when
// the types regress. `npm run typecheck` compiles them as they are (tsconfig.json
// includes test/), so they pass against the real types; here they are compiled
// once more with the TypeScript API, in this process, with `Sid<P>` weakened to
// `string`, and must fail on exactly the lines that pass a plain string or a
// wrong-prefix SID. The same in-process compiler checks the asSid hint and the
// README's contact-centre flows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { liveStory, quickstart } from "../helpers/readme";

const root = new URL("../../", import.meta.url).pathname;
const SID_FILE = join(root, "src/sid.ts");
const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  // package.json "imports" points at dist/; the sources use the node:http wire's source.
  paths: { "#wire-node": [join(root, "src/wire-node.ts")] },
};
const TYPE_TESTS = ["generated-types.ts", "client-types.ts", "resource-types.ts"].map((f) =>
  join(root, "test/types", f),
);

/** Compiles `rootNames`, with the files in `virtual` (absolute path → source) read from memory. */
function compile(rootNames: string[], virtual: Record<string, string>): { program: ts.Program; output: string } {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName in virtual || fileExists(fileName);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName in virtual
      ? ts.createSourceFile(fileName, virtual[fileName]!, language)
      : getSourceFile(fileName, language, ...rest);
  const program = ts.createProgram({ rootNames, options, host });
  const output = ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  });
  return { program, output };
}

describe("the type tests", () => {
  it("say what to do: asSid for a plain string, queue_sid and worker_sid for an agent's contact", () => {
    const file = join(root, "test/types/plain-string.ts");
    const { output } = compile([file], {
      [file]: [
        'import { createInteractionsClient } from "../../src/index";',
        "declare const sid: string;",
        "const twilio = createInteractionsClient();",
        "twilio.flex.interactions(sid);",
        "twilio.flex.interactions.create({",
        '  Channel: { type: "sms", initiated_by: "agent", participants: [{ address: "+1", proxy_address: "+2" }] },',
        '  Routing: { properties: { workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },',
        "});",
      ].join("\n"),
    });
    expect(output).toContain("plain-string.ts(4,");
    expect(output).toContain('check a plain string with asSid(\\"KD\\", value)');
    // The agent's overload is the one that explains: the fields it lacks, by name.
    expect(output).toContain("plain-string.ts(5,");
    expect(output).toMatch(/Overload 1 of 3, '\(params: AgentInteractionForm[\s\S]*queue_sid, worker_sid/);
  });

  it("include the README's Quickstart (against the emulator and against Twilio) and its flows, which compile as written", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.split("\n## Contact-centre flows\n")[1]!.split("\n## ")[0]!;
    const flows = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    // What the flows snippet takes from the surrounding story: the seed's Channel and Routing, a signal, the agent.
    const context = [
      'import type { FlexApi, Sid } from "../../src/index";',
      "declare const Channel: FlexApi.AgentChannelParams;",
      "declare const Routing: FlexApi.AgentRoutingParams;",
      "declare const signal: AbortSignal;",
      'declare const agent: { sid: Sid<"UT"> };',
      "export {};",
    ].join("\n");
    // The account form reads the environment, as a Node program does.
    const env = "declare const process: { env: Record<string, string | undefined> };\n";
    const sources = { flows: `${flows}\n${context}\n`, story: quickstart().story, live: env + liveStory(quickstart()) };
    const files = Object.fromEntries(
      Object.entries(sources).map(([name, code]) => [
        join(root, `test/types/readme-${name}.mts`),
        code
          .replaceAll('from "twilio-interactions/testing"', 'from "../../src/testing/index"')
          .replaceAll('from "twilio-interactions"', 'from "../../src/index"'),
      ]),
    );
    expect(compile(Object.keys(files), files).output).toBe("");
  });

  it("fail when SIDs are plain strings", () => {
    const { program, output } = compile(TYPE_TESTS, {
      [SID_FILE]: "export type Sid<Prefix extends string> = string;\n",
    });
    expect(program.getSourceFiles().some((file) => file.fileName === SID_FILE)).toBe(true);
    const unused = output.split("\n").filter((line) => line.includes("TS2578"));
    expect(unused.length).toBeGreaterThanOrEqual(4);
    expect(output).toMatch(/generated-types\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
    expect(output).toMatch(/client-types\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
  });
});

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
  it("name asSid in the error of a plain string where a resource wants a SID", () => {
    const file = join(root, "test/types/plain-string.ts");
    const { output } = compile([file], {
      [file]:
        'import { createInteractionsClient } from "../../src/index";\n' +
        "declare const sid: string;\n" +
        "createInteractionsClient().flex.interactions(sid);\n",
    });
    expect(output).toContain("plain-string.ts(3,");
    expect(output).toContain('check a plain string with asSid(\\"KD\\", value)');
  });

  it("include the README's contact-centre flows, which compile as written", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.split("\n## Contact-centre flows\n")[1]!.split("\n## ")[0]!;
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    // What the snippet takes from the surrounding story: the seed's Channel and Routing, a signal, the agent.
    const context = [
      'import type { FlexApi, Sid } from "../../src/index";',
      "declare const Channel: FlexApi.InteractionChannelParams;",
      "declare const Routing: FlexApi.InteractionRoutingParams;",
      "declare const signal: AbortSignal;",
      'declare const agent: { sid: Sid<"UT"> };',
      "export {};",
    ].join("\n");
    const file = join(root, "test/types/readme-flows.ts");
    const source = `${code.replace('from "twilio-interactions"', 'from "../../src/index"')}\n${context}\n`;
    expect(compile([file], { [file]: source }).output).toBe("");
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

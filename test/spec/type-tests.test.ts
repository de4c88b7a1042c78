// The compile-time tests in test/types/ only prove something if they fail when
// the types regress. `npm run typecheck` compiles them as they are (tsconfig.json
// includes test/), so they pass against the real types; here they are compiled
// once more with the TypeScript API, in this process, with `Sid<P>` weakened to
// `string`, and must fail on exactly the lines that pass a plain string or a
// wrong-prefix SID.
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
const files = ["test/types/generated-types.ts", "test/types/client-types.ts"].map((file) => join(root, file));

/** Compiles the type tests with src/sid.ts replaced by `sidSource`. */
function compile(sidSource: string): { program: ts.Program; output: string } {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === SID_FILE
      ? ts.createSourceFile(fileName, sidSource, language)
      : getSourceFile(fileName, language, ...rest);
  const program = ts.createProgram({ rootNames: files, options, host });
  const output = ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  });
  return { program, output };
}

describe("the type tests", () => {
  it("fail when SIDs are plain strings", () => {
    const { program, output } = compile("export type Sid<Prefix extends string> = string;\n");
    expect(program.getSourceFiles().some((file) => file.fileName === SID_FILE)).toBe(true);
    const unused = output.split("\n").filter((line) => line.includes("TS2578"));
    expect(unused.length).toBeGreaterThanOrEqual(4);
    expect(output).toMatch(/generated-types\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
    expect(output).toMatch(/client-types\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
  });
});

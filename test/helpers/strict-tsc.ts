// Type-checks code users paste (README blocks, API reference samples, the
// guides' code blocks) the way a strict TypeScript project would, with
// "twilio-interactions" and "twilio-interactions/testing" resolved to the
// sources. In-process, and only the given files are checked: the SDK's own
// sources are read for their types but not checked again (npm run typecheck
// does that), which makes a call a few times cheaper than running tsc.
import { join } from "node:path";
import ts from "typescript";

const root = new URL("../../", import.meta.url).pathname;

/**
 * Type-checks `files` (paths relative to `dir`) with strict options and
 * returns the diagnostics as tsc prints them: "" when everything compiles.
 * `types` lists the ambient type packages the code may use (none by
 * default; "node" for scripts). Declaration files among `files` (stubs of
 * other libraries) are visible to the others.
 */
export async function strictTsc(dir: string, files: string[], types: string[] = []): Promise<string> {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    typeRoots: [join(root, "node_modules/@types")],
    types,
    paths: {
      "twilio-interactions": [join(root, "src/index.ts")],
      "twilio-interactions/testing": [join(root, "src/testing/index.ts")],
    },
  };
  const paths = files.map((file) => join(dir, file));
  const program = ts.createProgram(paths, options);
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const path of paths) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`strictTsc: ${path} was not read`);
    diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
  }
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => dir,
    getNewLine: () => "\n",
  });
}

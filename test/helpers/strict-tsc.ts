// Type-checks code users paste (README blocks, API reference samples) the way
// a strict TypeScript project would, with "twilio-interactions" resolved to
// the sources: one tsconfig and one tsc run for a scratch directory.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;

/**
 * Writes a strict tsconfig for `files` in `dir`, runs tsc on it and returns
 * what tsc printed: "" when everything compiles. `types` lists the ambient
 * type packages the code may use (none by default; "node" for scripts).
 */
export async function strictTsc(dir: string, files: string[], types: string[] = []): Promise<string> {
  await writeFile(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: "ES2022",
        lib: ["ES2023", "DOM"],
        module: "ESNext",
        moduleResolution: "Bundler",
        allowImportingTsExtensions: true,
        typeRoots: [join(root, "node_modules/@types")],
        types,
        paths: { "twilio-interactions": [join(root, "src/index.ts")] },
      },
      files,
    }),
  );
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const result = await run(process.execPath, [tsc, "-p", dir]).catch((e: { stdout: string }) => e);
  return result.stdout;
}

// A TypeScript file that a test runs in a child process, bundled into one
// plain JavaScript file before the file's tests and removed after them: the
// child's memory and the modules it loads are then the SDK's and Node's, not
// a TypeScript loader's.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll } from "vitest";

/** Bundles `entry` in beforeAll; `path` is the bundle's path from then on. */
export function childScript(entry: URL): { readonly path: string } {
  let dir = "";
  const script = { path: "" };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sdk-child-"));
    const outfile = join(dir, basename(fileURLToPath(entry)).replace(/\.m?ts$/, ".mjs"));
    await build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "silent",
    });
    script.path = outfile;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return script;
}

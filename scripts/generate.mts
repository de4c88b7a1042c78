// npm run generate: rebuilds generated/ from spec/.
// npm run generate -- --watch: also lints and regenerates whenever spec/ changes.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { repoRoot } from "./codegen/apis.mts";
import { GENERATED_DIR, generateAll } from "./codegen/generate-all.mts";
import { watchSpec } from "./codegen/watch.mts";

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export async function generate(): Promise<string[]> {
  const files = await generateAll();
  const wanted = new Set([...files.keys()].map((path) => join(repoRoot, path)));
  for (const stale of await listFiles(join(repoRoot, GENERATED_DIR))) {
    if (!wanted.has(stale)) await rm(stale);
  }
  for (const [path, content] of files) {
    await mkdir(dirname(join(repoRoot, path)), { recursive: true });
    await writeFile(join(repoRoot, path), content);
  }
  return [...files.keys()];
}

if (process.argv.includes("--watch")) {
  await watchSpec(generate);
} else {
  const written = await generate();
  console.log(`generated ${written.length} files: ${written.join(", ")}`);
}

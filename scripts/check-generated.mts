// npm run check:generated: regenerates into a temporary folder and fails,
// naming each stale file, when the committed generated/ does not match spec/.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { repoRoot } from "./codegen/apis.mts";
import { GENERATED_DIR, generateAll } from "./codegen/generate-all.mts";

const fresh = await generateAll();
const scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-check-"));
const problems: string[] = [];
try {
  for (const [path, content] of fresh) {
    await mkdir(dirname(join(scratch, path)), { recursive: true });
    await writeFile(join(scratch, path), content);
    const committed = await readFile(join(repoRoot, path), "utf8").catch(() => undefined);
    if (committed === undefined) {
      problems.push(`${path}: missing`);
    } else if (committed !== (await readFile(join(scratch, path), "utf8"))) {
      const a = committed.split("\n");
      const b = content.split("\n");
      const line = a.findIndex((text, i) => text !== b[i]) + 1 || Math.min(a.length, b.length) + 1;
      problems.push(`${path}: stale (first difference at line ${line})`);
    }
  }
  const entries = await readdir(join(repoRoot, GENERATED_DIR), { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = relative(repoRoot, join(entry.parentPath, entry.name));
    if (!fresh.has(path)) problems.push(`${path}: no longer generated`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`generated/ is out of date with spec/:\n  ${problems.join("\n  ")}`);
  console.error("Run `npm run generate` and commit the result.");
  process.exitCode = 1;
} else {
  console.log(`generated/ is up to date (${fresh.size} files).`);
}

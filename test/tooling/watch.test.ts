// `npm run generate -- --watch` on a copy of the repository: a spec/ change is
// reported and regenerated; a change that breaks the lint is reported and
// leaves generated/ alone.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TempRepo, editFirstOperation, makeTempRepo } from "./temp-repo";

const SLOW = 180_000;

let repo: TempRepo;
let watcher: ChildProcess;
let output = "";

/** Resolves once the watcher's output, from `from` on, matches `pattern`; rejects if it exits first. */
function waitForOutput(pattern: RegExp, from: number): Promise<string> {
  return new Promise((done, fail) => {
    const check = () => {
      const match = pattern.exec(output.slice(from));
      if (!match) return;
      cleanup();
      done(output.slice(from));
    };
    const exited = (code: number | null) => {
      cleanup();
      fail(new Error(`watcher exited (${code}) before printing ${pattern}:\n${output}`));
    };
    const cleanup = () => {
      watcher.stdout!.off("data", check);
      watcher.stderr!.off("data", check);
      watcher.off("exit", exited);
    };
    watcher.stdout!.on("data", check);
    watcher.stderr!.on("data", check);
    watcher.on("exit", exited);
    check();
  });
}

beforeAll(async () => {
  repo = await makeTempRepo();
  // Its own process group, so stopping it also stops the node process tsx starts.
  watcher = spawn(join(repo.dir, "node_modules/.bin/tsx"), ["scripts/generate.mts", "--watch"], {
    cwd: repo.dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => (output += chunk.toString());
  watcher.stdout!.on("data", collect);
  watcher.stderr!.on("data", collect);
  await waitForOutput(/watching spec\//, 0);
}, SLOW);

afterAll(async () => {
  if (watcher?.pid && watcher.exitCode === null) {
    const exited = new Promise((done) => watcher.once("exit", done));
    process.kill(-watcher.pid, "SIGTERM");
    await exited;
  }
  await repo?.remove();
});

it(
  "prints what changed, lints and regenerates when a spec file changes",
  async () => {
    const marker = "Changed while watching.";
    const from = output.length;
    const edit = await editFirstOperation(repo, (operation) => {
      operation.set("description", `${String(operation.get("description") ?? "")} ${marker}`.trim());
    });
    const printed = await waitForOutput(/lint clean; regenerated \d+ files/, from);
    expect(printed).toContain(`changed: ${edit.file}`);
    expect(await repo.bundles()).toContain(marker);
  },
  SLOW,
);

it(
  "prints the lint error and leaves generated/ as it was when the spec breaks",
  async () => {
    const before = await repo.bundles();
    const from = output.length;
    const edit = await editFirstOperation(repo, (operation, doc) => {
      const parameters = operation.get("parameters") ?? doc.createNode([]);
      (parameters as { add(item: unknown): void }).add(doc.createNode({ $ref: "./missing.yaml#/Nothing" }));
      operation.set("parameters", parameters);
    });
    const printed = await waitForOutput(/lint failed: generated\/ left as it was/, from);
    expect(printed).toContain(`changed: ${edit.file}`);
    expect(printed).toMatch(/error no-unresolved-refs: .*\n\s+at spec\//);
    expect(await repo.bundles()).toBe(before);
  },
  SLOW,
);

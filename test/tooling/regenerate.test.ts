// The drift check behind `npm test`: a spec/ change without `npm run generate`
// fails it with the command that fixes it, and regenerating makes it pass.
// That it passes on the committed generated/ is what `npm test` checks first
// (npm run check:generated), on the same files this copy holds.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot } from "../../scripts/codegen/apis.mts";
import { type SpecEdit, type TempRepo, editFirstOperation, makeTempRepo } from "./temp-repo";

const MARKER = "Edited by the regeneration test.";
// Each step bundles and compiles both APIs; on a busy 2-core machine that can take a while.
const SLOW = 180_000;

let repo: TempRepo;
let edit: SpecEdit;

beforeAll(async () => {
  repo = await makeTempRepo();
});

afterAll(async () => {
  await repo?.remove();
});

it("npm test runs the drift check", async () => {
  const { scripts } = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  expect(scripts.test).toContain("scripts/checks.mts");
  expect(await readFile(join(repoRoot, "scripts/checks.mts"), "utf8")).toMatch(/"check:generated"/);
  // The tests below run these files directly in a copy of the repository.
  expect(scripts["check:generated"]).toContain("scripts/check-generated.mts");
  expect(scripts.generate).toContain("scripts/generate.mts");
});

it(
  "fails after a description changes in spec/, naming the stale files and the fix",
  async () => {
    edit = await editFirstOperation(repo, (operation) => {
      operation.set("description", `${String(operation.get("description") ?? "")} ${MARKER}`.trim());
    });
    const check = await repo.tsx("scripts/check-generated.mts");
    // Its output is the expected failure, kept out of the terminal; a mismatch shows it.
    expect(check.code, check.output).not.toBe(0);
    expect(check.output).toMatch(/generated\/openapi\/\w+\.yaml: stale/);
    expect(check.output).toContain("Run `npm run generate` and commit the result.");
  },
  SLOW,
);

it(
  "passes again once npm run generate has run",
  async () => {
    const generate = await repo.tsx("scripts/generate.mts");
    expect(generate.code, generate.output).toBe(0);
    expect(await repo.bundles()).toContain(MARKER);
    const check = await repo.tsx("scripts/check-generated.mts");
    expect(check.output).toContain("generated/ is up to date");
    expect(check.code).toBe(0);
  },
  SLOW,
);

// Global setup of the docs tests: fail at once without Chromium, then build
// site/ with the same command users run, so the tests never see a stale site.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../scripts/codegen/apis.mts";
import { assertChromium } from "./browser";

const run = promisify(execFile);

export default async function buildSite(): Promise<void> {
  assertChromium();
  const { stdout } = await run(join(repoRoot, "node_modules/.bin/tsx"), ["scripts/docs.mts"], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  console.log(stdout.trim());
}

// Bundles every API of redocly.yaml into one self-contained YAML document each.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type ApiEntry, repoRoot } from "./apis.mts";

const run = promisify(execFile);

/** Returns the bundled YAML text of each API, keyed by API name. */
export async function bundleApis(apis: ApiEntry[]): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), "twilio-interactions-bundle-"));
  try {
    await run(
      process.execPath,
      [join(repoRoot, "node_modules/@redocly/cli/bin/cli.js"), "bundle", ...apis.map((a) => a.name), "-o", dir],
      { cwd: repoRoot, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const bundles = new Map<string, string>();
    for (const api of apis) {
      const file = api.root.split("/").pop()!;
      bundles.set(api.name, await readFile(join(dir, file), "utf8"));
    }
    return bundles;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

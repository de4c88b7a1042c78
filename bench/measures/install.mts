// (a) Install footprint: what a fresh `npm install` of each package put in
// node_modules (the package itself and its production dependencies): bytes
// of every file, and how many packages.
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Results } from "../results.mts";
import type { Workspace } from "../workspace.mts";

interface Footprint {
  bytes: number;
  packages: number;
}

// npm's own bookkeeping, not something a package brought.
const NPM_FILES = new Set([".package-lock.json", ".bin"]);

function walk(dir: string, underNodeModules: boolean, total: Footprint): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if ((underNodeModules && NPM_FILES.has(entry.name)) || entry.isSymbolicLink()) continue;
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) {
      total.bytes += lstatSync(path).size;
      continue;
    }
    // A package is a directory right under a node_modules (or under a @scope
    // there); a package's own node_modules holds packages of other versions.
    const scope = underNodeModules && entry.name.startsWith("@");
    if (underNodeModules && !scope) total.packages++;
    walk(path, scope || entry.name === "node_modules", total);
  }
}

export function footprint(installDir: string): Footprint {
  const total = { bytes: 0, packages: 0 };
  walk(join(installDir, "node_modules"), true, total);
  return total;
}

export function measureInstall(workspace: Workspace, results: Results): void {
  for (const [contender, dir] of [
    ["sdk", workspace.sdk],
    ["twilio", workspace.twilio],
  ] as const) {
    const { bytes, packages } = footprint(dir);
    results.add("install.bytes", contender, bytes / 1000);
    results.add("install.packages", contender, packages);
  }
}

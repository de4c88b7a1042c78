// The bench's scratch space outside the repository: the packed SDK, one fresh
// install of it and one of twilio-node (as users get them), and the measured
// scripts bundled to plain JavaScript inside each install.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { removeAtExit, run } from "./processes.mts";

export const REPO = new URL("../", import.meta.url).pathname.replace(/\/$/, "");
const BENCH = join(REPO, "bench");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPM_QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

interface BenchPackage {
  devDependencies: { twilio: string };
}

export interface Workspace {
  root: string;
  /** Fresh install of the packed SDK (which has no dependencies). */
  sdk: string;
  /** Fresh install of twilio-node at the version the repository pins. */
  twilio: string;
  twilioVersion: string;
  sdkVersion: string;
  /** The bench server, bundled. */
  server: string;
}

/** A temporary directory, removed when the bench exits unless `keep`. */
export function createWorkspaceRoot(keep: boolean): string {
  const root = mkdtempSync(join(tmpdir(), "twilio-interactions-bench-"));
  if (!keep) removeAtExit(root);
  return root;
}

function readVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
}

/** Builds the package as `npm run build` does and packs it as `npm publish` would; returns the tarball. */
async function packSdk(root: string): Promise<string> {
  await run(NPM, ["run", "build"], { cwd: REPO });
  // The build just ran; prepack would only run it again.
  const { stdout } = await run(NPM, ["pack", "--json", "--ignore-scripts", "--pack-destination", root], { cwd: REPO });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack printed no tarball: ${stdout}`);
  return join(root, packed.filename);
}

async function freshInstall(dir: string, spec: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-consumer", private: true }));
  await run(NPM, ["install", ...NPM_QUIET, spec], { cwd: dir });
}

/** Bundles a measured script (and what it imports from bench/) to one JavaScript file. */
async function bundleScript(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(BENCH, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // The packages under test are loaded from the install, exactly as users load them. The SDK
    // bundles openapi-fetch, so the bare openapi-fetch contender has it bundled in here instead.
    external: ["twilio", "twilio-interactions"],
    // Not the repository's tsconfig: its `paths` would swap the built package for src/.
    tsconfigRaw: "{}",
    logLevel: "error",
  });
}

export async function prepareWorkspace(root: string, log: (line: string) => void): Promise<Workspace> {
  // twilio-node is the bench's own dev dependency (bench/package.json), not the SDK's.
  const twilioVersion = (JSON.parse(readFileSync(join(BENCH, "package.json"), "utf8")) as BenchPackage).devDependencies
    .twilio;
  log("building and packing twilio-interactions");
  const tarball = await packSdk(root);
  const sdk = join(root, "install-sdk");
  const twilio = join(root, "install-twilio");
  log(`installing the tarball and twilio@${twilioVersion} into fresh projects`);
  await freshInstall(sdk, tarball);
  await freshInstall(twilio, `twilio@${twilioVersion}`);
  for (const dir of [sdk, twilio]) await bundleScript("child/runner.mts", join(dir, "runner.mjs"));
  const server = join(root, "server.mjs");
  await bundleScript("server.mts", server);
  return {
    root,
    sdk,
    twilio,
    twilioVersion,
    sdkVersion: readVersion(join(sdk, "node_modules/twilio-interactions/package.json")),
    server,
  };
}

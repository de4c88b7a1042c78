// Packs the package as `npm publish` would (the prepack script builds dist/),
// installs the tarball into a fresh project outside the repository, and
// copies the consumer fixtures there. The package tests all work on that
// project, so they test what users download, not the working tree.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot, run } from "./run";

/** What the global setup packed and where it installed it. */
export interface PackedPackage {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Bytes of the `.tgz`. */
  size: number;
  /** Bytes of the files in it. */
  unpackedSize: number;
  /** Every file in the tarball, relative to the package root. */
  files: { path: string; size: number }[];
  /** The consumer project: the tarball installed, the fixtures of test/package/consumers copied in. */
  project: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedPackage;
  }
}

interface PackJson {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/**
 * Packs the repository into `root` as `npm publish` would and installs the
 * tarball into `root/consumer`, a fresh project holding a copy of `consumers`.
 */
export async function packAndInstall(root: string, consumers: string): Promise<PackedPackage> {
  // The prepack build (bundles and declarations) takes minutes on a busy machine: a hang detector, not a speed check.
  const stdout = await run("npm", ["pack", "--json", "--pack-destination", root], {
    cwd: repoRoot,
    timeoutMs: 600_000,
  });
  // The prepack build prints its log first; npm's JSON report is the rest.
  const [pack] = JSON.parse(stdout.slice(stdout.search(/^\[$/m))) as PackJson[];
  if (!pack) throw new Error(`npm pack reported no package:\n${stdout}`);

  const consumer = join(root, "consumer");
  cpSync(consumers, consumer, { recursive: true });
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }, null, 2));
  const tarball = join(root, pack.filename);
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
    cwd: consumer,
    timeoutMs: 120_000,
  });
  return { ...pack, tarball, project: consumer };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), "twilio-interactions-package-"));
  const cleanUp = () => rmSync(root, { recursive: true, force: true });
  try {
    project.provide("packed", await packAndInstall(root, join(repoRoot, "test/package/consumers")));
  } catch (error) {
    cleanUp();
    throw error;
  }
  return cleanUp;
}

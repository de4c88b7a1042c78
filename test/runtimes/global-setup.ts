// Once for `npm run test:runtimes`: pack the package and install the tarball
// into a fresh project with the consumers of test/runtimes/consumers, bundle
// the workerd and Chromium entries from that install with esbuild, install
// the pinned runtimes, and make the test CA. Every test uses what is set up
// here, so the runtimes run what users download.
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type TestCertificates, makeCertificates } from "../../scripts/runtimes/certs.mts";
import { type RuntimeBinaries, installRuntimes, runtimeVersions } from "../../scripts/runtimes/install.mts";
import { packAndInstall } from "../package/helpers/global-setup";
import { repoRoot } from "../package/helpers/run";

/** What the runtime tests get from the global setup. */
export interface RuntimeSetup {
  /** The consumer project: the tarball installed, the consumers copied in, worker.js and browser.js bundled. */
  project: string;
  binaries: RuntimeBinaries;
  versions: Record<string, string>;
  certificates: TestCertificates;
}

declare module "vitest" {
  export interface ProvidedContext {
    runtimes: RuntimeSetup;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), "twilio-interactions-runtimes-"));
  const cleanUp = () => rmSync(root, { recursive: true, force: true });
  try {
    const binaries = installRuntimes();
    const versions = runtimeVersions(binaries);
    console.log(
      `runtimes: ${Object.entries(versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(", ")}`,
    );
    const { project: consumer } = await packAndInstall(root, join(repoRoot, "test/runtimes/consumers"));
    const bundle = (entry: string, format: "esm" | "iife") =>
      build({
        absWorkingDir: consumer,
        entryPoints: [join(consumer, `${entry}.mjs`)],
        outfile: join(consumer, `${entry}.js`),
        bundle: true,
        platform: "browser",
        format,
        target: "es2022",
        logLevel: "error",
      });
    await Promise.all([bundle("worker", "esm"), bundle("browser", "iife")]);
    const certificates = makeCertificates(root);
    // The CA as `ca.pem` in the project: `deno run --cert ca.pem` and workerd's `embed "ca.pem"` name it so.
    writeFileSync(join(consumer, "ca.pem"), certificates.ca);
    project.provide("runtimes", { project: consumer, binaries, versions, certificates });
  } catch (error) {
    cleanUp();
    throw error;
  }
  return cleanUp;
}

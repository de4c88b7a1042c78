// twilio-node: its request validator is the reference the SDK's signature
// check is compared with, and its client tells the seed story against the
// emulator. It lives in its own package (test/webhooks/twilio-validator) so
// that only these tests see it. `.ci/run` installs it; on a fresh clone the
// first run installs it from its lockfile, so `npm ci && npm test` works.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("./twilio-validator/", import.meta.url));

export interface TwilioNodeWebhooks {
  getExpectedTwilioSignature(authToken: string, url: string, params: Record<string, unknown>): string;
  getExpectedBodyHash(body: string): string;
  validateRequest(authToken: string, signature: string, url: string, params: Record<string, unknown>): boolean;
  validateRequestWithBody(authToken: string, signature: string, url: string, body: string): boolean;
}

const MARKER = `${dir}node_modules/twilio/package.json`;

// Installs twilio-node when it is missing; an install that fails says how to retry. Test files in
// parallel workers may each install: each in a scratch directory, moved into place in one rename,
// so one wins and the others use its install.
function installed(): NodeRequire {
  if (!existsSync(MARKER)) {
    const scratch = mkdtempSync(join(dir, ".install-"));
    try {
      for (const file of ["package.json", "package-lock.json"]) copyFileSync(join(dir, file), join(scratch, file));
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      execFileSync(npm, ["ci", "--prefix", scratch, "--no-audit", "--no-fund"], { stdio: "pipe", timeout: 300_000 });
      try {
        renameSync(join(scratch, "node_modules"), `${dir}node_modules`);
      } catch (error) {
        if (!existsSync(MARKER)) throw error;
      }
    } catch (error) {
      throw new Error(
        "Could not install twilio-node for the tests that compare with it. Run: npm ci --prefix test/webhooks/twilio-validator",
        { cause: error },
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return createRequire(dir);
}

/** twilio-node's webhook helpers. */
export function twilioNode(): TwilioNodeWebhooks {
  return installed()("twilio/lib/webhooks/webhooks") as TwilioNodeWebhooks;
}

/** The `twilio` package itself, as its users `require()` it (typed by the caller: it may not be installed when tsc runs). */
export function twilioPackage(): unknown {
  return installed()("twilio");
}

// twilio-node: its request validator is the reference the SDK's signature
// check is compared with, and its client sends the seed story to the emulator. It lives in its own package (test/webhooks/twilio-validator)
// so that only these tests see it. `.ci/run` installs it; on a fresh clone
// the first run installs it from its lockfile, so `npm ci && npm test` works.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("./twilio-validator/", import.meta.url));

export interface TwilioNodeWebhooks {
  getExpectedTwilioSignature(authToken: string, url: string, params: Record<string, unknown>): string;
  getExpectedBodyHash(body: string): string;
  validateRequest(authToken: string, signature: string, url: string, params: Record<string, unknown>): boolean;
  validateRequestWithBody(authToken: string, signature: string, url: string, body: string): boolean;
}

const INSTALL = ["ci", "--prefix", dir, "--no-audit", "--no-fund"];

// Installs twilio-node from its lockfile when it is missing; an install that fails says how to retry.
function installed(): NodeRequire {
  if (!existsSync(`${dir}node_modules/twilio/package.json`)) {
    try {
      execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", INSTALL, { stdio: "pipe", timeout: 300_000 });
    } catch (error) {
      throw new Error(
        "Could not install twilio-node for the signature cross-check. Run: npm ci --prefix test/webhooks/twilio-validator",
        { cause: error },
      );
    }
  }
  return createRequire(dir);
}

/** twilio-node's webhook helpers. */
export function twilioNode(): TwilioNodeWebhooks {
  return installed()("twilio/lib/webhooks/webhooks") as TwilioNodeWebhooks;
}

/** twilio-node's client factory, `twilio(accountSid, authToken)`, untyped: only the tests that compare with it use it. */
export function twilioClient(accountSid: string, authToken: string): any {
  return (installed()("twilio") as (sid: string, token: string) => unknown)(accountSid, authToken);
}

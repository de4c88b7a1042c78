// twilio-node's request validator, the reference the SDK's signature check is
// compared with. It lives in its own package (test/webhooks/twilio-validator)
// so that only these tests see it; `.ci/run` installs it.
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

/** twilio-node's webhook helpers, or an error that says how to install them. */
export function twilioNode(): TwilioNodeWebhooks {
  if (!existsSync(`${dir}node_modules/twilio/package.json`)) {
    throw new Error(
      "twilio-node is not installed for the signature cross-check. Run: npm ci --prefix test/webhooks/twilio-validator",
    );
  }
  return createRequire(dir)("twilio/lib/webhooks/webhooks") as TwilioNodeWebhooks;
}

// The environment variables the client reads, and a way to hide them from a
// test so that only the options it passes decide.
import { vi } from "vitest";

export const TWILIO_ENV = [
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_API_KEY",
  "TWILIO_API_SECRET",
  "TWILIO_REGION",
  "TWILIO_EDGE",
] as const;

/** Unsets every TWILIO_* variable the client reads until `vi.unstubAllEnvs()`. */
export function clearTwilioEnv(): void {
  for (const name of TWILIO_ENV) vi.stubEnv(name, undefined);
}

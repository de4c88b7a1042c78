// What a guide's code block runs against when it creates its client the way
// production code does, `createInteractionsClient()` with credentials from
// the environment: the test swaps in a fresh emulator's options, and sets the
// variables the guides read (the Flex instance, a Proxy session with a log).
import { vi } from "vitest";
import type { InteractionsClientOptions } from "twilio-interactions";
import { type Emulator, createEmulator } from "twilio-interactions/testing";

let current: Emulator | undefined;

/** Starts a fresh emulator for the next block and sets the environment it reads. Undo with `vi.unstubAllEnvs()`. */
export function prepareGuideEmulator(seed: number): Emulator {
  current = createEmulator({ seed });
  const { serviceSid, sessionSid } = current.proxySession({ interactions: 30 });
  vi.stubEnv("TWILIO_FLEX_INSTANCE_SID", current.flexInstanceSid);
  vi.stubEnv("TWILIO_PROXY_SERVICE_SID", serviceSid);
  vi.stubEnv("TWILIO_PROXY_SESSION_SID", sessionSid);
  return current;
}

/** The client options a block's `createInteractionsClient()` is given when it runs. */
export function guideClientOptions(): InteractionsClientOptions {
  if (!current) throw new Error("guideClientOptions(): prepareGuideEmulator() was not called for this block");
  return { ...current.credentials, fetch: current.fetch, baseUrls: current.baseUrls };
}

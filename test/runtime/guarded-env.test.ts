// A runtime that guards its environment (Deno without --allow-env) throws on
// every read of process.env. Explicit options need no environment, so a
// denied variable counts as unset, never as an error. The real Deno run is in
// test/runtimes/deno.test.ts; this is the same rule, checked on every `npm test`.
import { afterEach, expect, it, vi } from "vitest";
import { TwilioConfigError, createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN } from "../helpers/fixtures";

// Deno's error for a denied read, as the SDK would meet it.
class NotCapable extends Error {
  override name = "NotCapable";
}
const denied = new Proxy({} as Record<string, string>, {
  get(_target, name) {
    throw new NotCapable(`Requires env access to "${String(name)}", run again with the --allow-env flag`);
  },
});

afterEach(() => vi.restoreAllMocks());

it("treats every TWILIO_* variable as unset when the runtime denies reading it", () => {
  vi.spyOn(process, "env", "get").mockReturnValue(denied);
  const twilio = createInteractionsClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  expect([twilio.flex.baseUrl, twilio.proxy.baseUrl]).toEqual([
    "https://flex-api.twilio.com",
    "https://proxy.twilio.com",
  ]);
  const onlyFlex = createInteractionsClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrls: { flex: "http://127.0.0.1:9" },
  });
  expect(onlyFlex.proxy.baseUrl).toBe("https://proxy.twilio.com");
  // Credentials from the environment are then missing, and the error says what to pass.
  expect(() => createInteractionsClient()).toThrow(TwilioConfigError);
});

// Every file in examples/ as a program (`node --import tsx examples/<file>`)
// against the mock, configured by the environment variables its header names.
// Child processes take the node:http wire whatever the test project, so this
// runs in the node-wire project only.
import { describe, expect, inject, it } from "vitest";
import { MOCK_CREDENTIALS } from "../../scripts/mock/interactions-mock.mts";
import { INTERACTION_SID } from "../helpers/fixtures";
import { EXAMPLES, VARIABLES, declaredVariables } from "./support/examples";
import { cleanEnv, runScript } from "./support/processes";

describe("examples/ on their own", () => {
  describe.each(Object.entries(EXAMPLES))("%s", (file, example) => {
    it("runs on its own with the variables its header names", async () => {
      expect(declaredVariables(file).sort()).toEqual([...example.reads].sort());
      const urls = inject("mockUrls");
      const env = cleanEnv({
        TWILIO_ACCOUNT_SID: MOCK_CREDENTIALS.accountSid,
        TWILIO_AUTH_TOKEN: MOCK_CREDENTIALS.authToken,
        TWILIO_FLEX_BASE_URL: urls.flex,
        TWILIO_PROXY_BASE_URL: urls.proxy,
        ...Object.fromEntries(example.reads.map((name) => [name, VARIABLES[name]!])),
      });
      const result = await runScript(`examples/${file}`, { args: example.args, env });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(example.prints);
    });
  });

  it("says which variable is missing when run on its own without it", async () => {
    const env = cleanEnv({
      TWILIO_ACCOUNT_SID: MOCK_CREDENTIALS.accountSid,
      TWILIO_AUTH_TOKEN: MOCK_CREDENTIALS.authToken,
      TWILIO_FLEX_BASE_URL: inject("mockUrls").flex,
      TWILIO_INTERACTION_SID: INTERACTION_SID,
      TWILIO_CHANNEL_SID: "not-a-sid",
    });
    const result = await runScript("examples/close-channel.ts", { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Set TWILIO_CHANNEL_SID to a UO… SID");
    expect(result.stderr).not.toContain("not-a-sid");
  });
});

// npm run demo: the seeds' story through the SDK against the emulator, with
// no credentials, exits 0 and leaves nothing running; --live names what it
// still needs before it sends anything.
import { describe, expect, it } from "vitest";
import { MOCK_CREDENTIALS } from "../../scripts/mock/interactions-mock.mts";
import { cleanEnv, runScript } from "./support/processes";

// Each test runs the script in a child process, which can take a while on a busy machine.
const SLOW = { timeout: 120_000 };

describe("npm run demo (scripts/demo.mts)", SLOW, () => {
  it("tells the seeds' story against the emulator with changing statuses, exits 0 and leaves nothing running", async () => {
    const { code, stdout, stderr } = await runScript("scripts/demo.mts", { tsxCommand: true }); // as `npm run demo`
    expect(stderr).toBe("");
    // In-process: the script exits by itself, so no server or port can be left behind.
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. Create the agent-initiated outbound SMS interaction → KD[0-9a-f]{32}\n/);
    expect(stdout).toMatch(/Fetch its channel right away → UO[0-9a-f]{32} setup/);
    expect(stdout).toMatch(/Wait until the channel is active → UO[0-9a-f]{32} active\n/);
    expect(stdout).toMatch(/List its channels with for await → 1 channel\(s\)\n\s+UO[0-9a-f]{32}\s+sms\s+active\n/);
    expect(stdout).toMatch(/Add \+15557654321 to the channel as a participant → UT[0-9a-f]{32}/);
    expect(stdout).toMatch(
      /Invite the channel to queue WQ[0-9a-f]{32} → KG[0-9a-f]{32}\n\s+new task WT[0-9a-f]{32}: pending/,
    );
    expect(stdout).toMatch(
      /Put the channel's agent into wrap-up → UT[0-9a-f]{32} \(agent\)\n\s+task WT[0-9a-f]{32}: wrapping/,
    );
    expect(stdout).toMatch(
      /Close the channel and complete its tasks → UO[0-9a-f]{32} closed\n\s+task WT[0-9a-f]{32}: completed/,
    );
    expect(stdout).toMatch(/interactions of session KC[0-9a-f]{32} with for await → 7 interaction\(s\)\n/);
    expect(stdout).toMatch(/\n\s+KI[0-9a-f]{32}\s+message .*\n\s+KI[0-9a-f]{32}\s+voice /);
    expect(stdout).toMatch(/Delete interaction KI[0-9a-f]{32} → deleted \(HTTP 204\)/);
    expect(stdout).toContain("Done: all 12 steps succeeded.");
    // Fresh SIDs each run.
    const again = await runScript("scripts/demo.mts", { tsxCommand: true });
    const sidOf = (text: string) => /→ (KD[0-9a-f]{32})/.exec(text)?.[1];
    expect(sidOf(again.stdout)).toMatch(/^KD/);
    expect(sidOf(again.stdout)).not.toBe(sidOf(stdout));
  });

  it("refuses --live without credentials, before starting anything", async () => {
    const { code, stdout, stderr } = await runScript("scripts/demo.mts", { args: ["--live"], env: cleanEnv() });
    expect(code).toBe(1);
    expect(stderr).toContain("No Twilio credentials");
    expect(stdout).not.toContain("Starting Prism");
  });

  it("lists every variable --live still needs", async () => {
    const env = cleanEnv({ TWILIO_ACCOUNT_SID: MOCK_CREDENTIALS.accountSid, TWILIO_AUTH_TOKEN: "live-token-here" });
    const { code, stderr } = await runScript("scripts/demo.mts", { args: ["--live"], env });
    expect(code).toBe(1);
    expect(stderr).toContain("--live needs these environment variables");
    expect(stderr).toContain("TWILIO_WORKSPACE_SID");
    expect(stderr).toContain("TWILIO_PROXY_INTERACTION_SID");
    expect(stderr).not.toContain("live-token-here");
  });
});

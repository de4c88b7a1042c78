// The mock's life cycle: it starts, answers, and leaves no Prism process
// behind, whether the work succeeds, throws, is interrupted with Ctrl-C or a
// kill, or the process running it dies. Checked with `ps`, by port.
import { createServer } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { MOCK_CREDENTIALS, startMock, withMock } from "../../scripts/mock/interactions-mock.mts";
import { PrismStartError, startPrism } from "../../scripts/mock/prism.mts";
import { INTERACTION_SID } from "../helpers/fixtures";
import { cleanEnv, portsIn, prismProcessesOn, runScript, startScript, waitUntil } from "./support/processes";

const AUTH = `Basic ${btoa(`${MOCK_CREDENTIALS.accountSid}:${MOCK_CREDENTIALS.authToken}`)}`;

async function fetchInteraction(flexUrl: string): Promise<number> {
  const response = await fetch(`${flexUrl}/v1/Interactions/${INTERACTION_SID}`, { headers: { authorization: AUTH } });
  await response.arrayBuffer();
  return response.status;
}

function expectNoPrismOn(ports: number[]): void {
  expect(ports.length).toBeGreaterThan(0);
  for (const port of ports) expect(prismProcessesOn(port)).toEqual([]);
}

// Each test starts Prism, which can take several seconds on a busy machine.
const SLOW = { timeout: 120_000 };

describe("startMock", SLOW, () => {
  it("serves both descriptions and stops without leaving a process", async () => {
    const mock = await startMock();
    onTestFinished(() => mock.stop()); // also when an assertion fails
    const ports = Object.values(mock.servers).map((server) => server.port);
    expect(ports.every((port) => prismProcessesOn(port).length === 1)).toBe(true);
    expect(await fetchInteraction(mock.urls.flex)).toBe(200);
    await mock.stop();
    await mock.stop(); // a second stop is harmless
    expectNoPrismOn(ports);
  });

  it("stops the mock when the work throws", async () => {
    let ports: number[] = [];
    const work = withMock(async (urls) => {
      ports = portsIn(`${urls.flex} ${urls.proxy}`);
      throw new Error("the work failed");
    });
    await expect(work).rejects.toThrow("the work failed");
    expectNoPrismOn(ports);
  });

  it("reports a port that is taken, with Prism's output, and leaves nothing running", async () => {
    const squatter = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    const { port } = squatter.address() as { port: number };
    try {
      const start = startPrism({ document: "generated/openapi/flex.yaml", port });
      await expect(start).rejects.toThrow(PrismStartError);
      await expect(start).rejects.toThrow(/EADDRINUSE/);
      expect(prismProcessesOn(port)).toEqual([]);
    } finally {
      squatter.close();
    }
  });
});

describe("npm run mock (scripts/mock.mts)", SLOW, () => {
  const start = (tsxCommand: boolean) => {
    // Its own process group, as a terminal job: Ctrl-C signals the whole group.
    const running = startScript("scripts/mock.mts", { detached: true, tsxCommand });
    onTestFinished(() => {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill("SIGKILL");
    });
    const isReady = () => /Press Ctrl-C/.test(running.output());
    const ready = waitUntil(() => isReady() || running.child.exitCode !== null, "the mock CLI is ready", 90_000).then(
      () => {
        if (!isReady()) throw new Error(`The mock CLI exited before it was ready:\n${running.output()}`);
      },
    );
    return { running, ready };
  };

  it("prints both base URLs, answers, and stops everything on Ctrl-C", async () => {
    const { running, ready } = start(true); // as `npm run mock` starts it
    await ready;
    const out = running.output();
    expect(out).toMatch(/TWILIO_FLEX_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/TWILIO_PROXY_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);
    const ports = portsIn(out.split("In code:")[0]!);
    expect(ports).toHaveLength(2);
    expect(await fetchInteraction(`http://127.0.0.1:${ports[0]}`)).toBe(200);

    process.kill(-running.child.pid!, "SIGINT");
    const { code } = await running.finished;
    expect(code).toBe(130);
    expectNoPrismOn(ports);
  });

  it("leaves no Prism behind even when it is killed outright", async () => {
    const { running, ready } = start(false); // one process, the one that started Prism
    await ready;
    const ports = portsIn(running.output().split("In code:")[0]!);
    running.child.kill("SIGKILL"); // no handler runs: Prism must notice on its own
    await running.finished;
    await waitUntil(() => ports.every((port) => prismProcessesOn(port).length === 0), "Prism exits by itself");
    expectNoPrismOn(ports);
  });

  it("rejects a bad port with a clear message", async () => {
    const result = await runScript("scripts/mock.mts", { args: ["--flex-port", "http"] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--flex-port must be a port number from 1 to 65535, not "http"');
  });

  it("stops the mock when a script using it dies of an uncaught error", async () => {
    const result = await runScript("test/integration/fixtures/mock-then-throw.mts");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("boom: an uncaught error");
    expectNoPrismOn(portsIn(result.stdout));
  });
});

describe("npm run demo (scripts/demo.mts)", SLOW, () => {
  it("tells the seeds' story against the emulator with changing statuses, exits 0 and leaves nothing running", async () => {
    const { code, stdout, stderr } = await runScript("scripts/demo.mts", { tsxCommand: true }); // as `npm run demo`
    expect(stderr).toBe("");
    // In-process: the script exits by itself, so no server or port can be left behind.
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. Create the agent-initiated outbound SMS interaction → KD[0-9a-f]{32}\n/);
    expect(stdout).toMatch(/Fetch its channel right away → UO[0-9a-f]{32} setup/);
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
    expect(stdout).toContain("Done: all 11 steps succeeded.");
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

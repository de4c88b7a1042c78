// The mock's life cycle: it starts, answers, and leaves no Prism process
// behind, whether the work succeeds, throws, is interrupted with Ctrl-C or a
// kill, or the process running it dies. Checked with `ps`, by port.
import { createServer } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { MOCK_CREDENTIALS, startMock, withMock } from "../../scripts/mock/interactions-mock.mts";
import { PrismStartError, startPrism } from "../../scripts/mock/prism.mts";
import { INTERACTION_SID } from "../helpers/fixtures";
import {
  cleanEnv,
  portsIn,
  prismProcessesOn,
  runScript,
  startScript,
  waitUntil,
} from "../integration/support/processes";

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

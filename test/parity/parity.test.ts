// The live parity suite against the emulator: `npm run test:live` with no
// Twilio settings names what is missing, reaches no host but loopback, passes
// and writes its report; two emulator reports agree; an edited report makes
// `npm run parity:compare` fail and name the change; an interrupted run still
// undoes what it created and touches nothing else.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInteractionsClient } from "twilio-interactions";
import { createEmulator } from "twilio-interactions/testing";
import { apis } from "../../generated/apis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareReports } from "../../scripts/parity/compare.mts";
import type { ParityReport } from "../../scripts/parity/report.mts";
import { emulatorTarget, runParity } from "../../scripts/parity/run.mts";
import { SCENARIOS } from "../../scripts/parity/scenarios.mts";
import { PARITY_VARIABLES, missingParitySettings } from "../../scripts/story-settings.mts";
import { type Finished, cleanEnv, runScript } from "../integration/support/processes";

const GUARD = fileURLToPath(new URL("loopback-only.mjs", import.meta.url));
const SID = /\b[A-Z]{2}[0-9a-fA-F]{32}\b/;

let dir: string;
let cli: Finished;
let fromCli: ParityReport;
let inProcess: ParityReport;
const emulator = createEmulator({ seed: 22 });
let proxyInteractionSid: string;

// The command runs as a child process: slow on a saturated machine, as the other script tests.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parity-"));
  // The command as a user runs it, and the same scenarios in this process, side by side.
  [cli, inProcess] = await Promise.all([
    runScript("scripts/test-live.mts", {
      args: ["--out", dir],
      env: cleanEnv({ NODE_OPTIONS: `--import=${GUARD}` }),
      timeoutMs: 170_000,
    }),
    emulatorTarget(emulator).then((target) => {
      proxyInteractionSid = target.resources.proxyInteractionSid;
      return runParity(target).finally(() => target.close());
    }),
  ]);
  fromCli = JSON.parse(await readFile(join(dir, "emulator.json"), "utf8")) as ParityReport;
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run test:live without Twilio settings", () => {
  it("names every missing setting, runs the emulator scenarios and passes", () => {
    expect(cli.stderr).not.toMatch(/was refused/);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain("Not running against Twilio");
    for (const name of PARITY_VARIABLES.filter((n) => n !== "TWILIO_LIVE")) expect(cli.stdout).toContain(name);
    expect(cli.stdout).toContain("TWILIO_LIVE=1");
    expect(cli.stdout).toContain("TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN");
    expect(cli.stdout).not.toContain("against twilio");
  });

  it("sends every request to a loopback host (the guard saw them and refused none)", () => {
    const [, seen, refused] = /loopback-only: (\d+) request\(s\), (\d+) refused/.exec(cli.stderr) ?? [];
    expect(Number(seen)).toBeGreaterThan(50);
    expect(refused).toBe("0");
  });

  it("has a guard that does refuse Twilio's hosts", () => {
    let stderr = "";
    try {
      execFileSync(process.execPath, ["--import", GUARD, "-e", "await fetch('https://flex-api.twilio.com/v1')"], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      stderr = String((error as { stderr?: string }).stderr);
    }
    expect(stderr).toContain("loopback-only: a request to flex-api.twilio.com was refused");
  });

  it("writes the report as JSON and Markdown", async () => {
    const markdown = await readFile(join(dir, "emulator.md"), "utf8");
    expect(markdown).toContain("# Parity report: emulator");
    expect(markdown).toContain("## ✓ The seed story");
    expect(markdown).toContain("`POST /v1/Interactions` CreateInteraction → **200**");
    expect(fromCli.target).toBe("emulator");
  });
});

describe("the settings a live run needs", () => {
  const complete = Object.fromEntries(PARITY_VARIABLES.map((name) => [name, "x"]));
  it("are all there only with TWILIO_LIVE=1, a credential pair and every resource", () => {
    expect(
      missingParitySettings({ ...complete, TWILIO_LIVE: "1", TWILIO_API_KEY: "k", TWILIO_API_SECRET: "s" }),
    ).toEqual([]);
    expect(missingParitySettings({ ...complete, TWILIO_ACCOUNT_SID: "a", TWILIO_AUTH_TOKEN: "t" })).toEqual([
      "TWILIO_LIVE=1",
    ]);
    expect(missingParitySettings({ ...complete, TWILIO_LIVE: "1", TWILIO_ACCOUNT_SID: "a" })).toEqual([
      "TWILIO_API_KEY + TWILIO_API_SECRET, or TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN",
    ]);
    const withoutQueue = { ...complete, TWILIO_LIVE: "1", TWILIO_API_KEY: "k", TWILIO_API_SECRET: "s" };
    delete (withoutQueue as Record<string, string>).TWILIO_QUEUE_SID;
    expect(missingParitySettings(withoutQueue)).toEqual(["TWILIO_QUEUE_SID"]);
  });
});

describe("the emulator report", () => {
  it("has every scenario passing, each step with its requests, and nothing left behind", () => {
    expect(inProcess.scenarios.map((s) => s.name)).toEqual(SCENARIOS.map((s) => s.name));
    for (const scenario of inProcess.scenarios) {
      expect(scenario.ok, scenario.name).toBe(true);
      for (const step of scenario.steps) expect(step.exchanges.length, step.name).toBeGreaterThan(0);
    }
    expect(inProcess.cleanup.left).toEqual([]);
    expect(inProcess.interrupted).toBe(false);
  });

  it("reaches every operation, and records statuses, enum values and state transitions", () => {
    const exchanges = inProcess.scenarios.flatMap((s) => s.steps.flatMap((step) => step.exchanges));
    const operations = new Set(exchanges.map((e) => e.operation));
    // Every operation but those no scenario needs: attaching a webhook to an interaction would make Twilio
    // call it, and the flows transfer with invites, not with the Transfers resource.
    const notReached = [
      "UpdateInteraction",
      "CreateInteractionTransfer",
      "FetchInteractionTransfer",
      "UpdateInteractionTransfer",
    ];
    const all = Object.values(apis).flatMap((api) =>
      Object.values(api.paths as Readonly<Record<string, object>>).flatMap((item) =>
        Object.values(item).flatMap((op) => {
          const id = (op as { operationId?: unknown } | null)?.operationId;
          return typeof id === "string" ? [id] : [];
        }),
      ),
    );
    for (const operation of all.filter((name) => !notReached.includes(name)))
      expect(operations, operation).toContain(operation);
    const leave = inProcess.scenarios.find((s) => s.name === "Leave the channel")!;
    const refused = leave.steps.find((s) => s.name === "Set the channel inactive without Routing")!;
    expect(refused).toMatchObject({ ok: true, expectsRefusal: true, error: { status: 400 } });
    const left = leave.steps.find((s) => s.name === "Leave the channel")!;
    expect(left.transitions).toContainEqual({ entity: "UO#1", from: "active", to: "inactive" });
    const update = left.exchanges.find((e) => e.operation === "UpdateInteractionChannel")!;
    expect(update.params.Status).toEqual({ types: ["string"], values: ["inactive"] });
    expect(update.params["Routing.status"]).toEqual({ types: ["string"], values: ["closed"] });
    expect(update.response.status).toEqual({ types: ["string"], values: ["inactive"] });
  });

  it("holds no SID, phone number or credential", async () => {
    const text = await readFile(join(dir, "emulator.json"), "utf8");
    expect(text).not.toMatch(SID);
    expect(text).not.toMatch(/\+\d{6,}/);
    expect(text).not.toContain("first last");
    const markdown = await readFile(join(dir, "emulator.md"), "utf8");
    expect(markdown).not.toMatch(SID);
  });

  it("left every task done but the one a close with wrap-up leaves to its agent, and deleted only the Proxy interaction it may", () => {
    const open = emulator.tasks().filter((t) => t.status !== "completed" && t.status !== "canceled");
    expect(open.map((t) => t.status)).toEqual(["wrapping"]);
    const deletes = emulator.requests().filter((r) => r.method === "DELETE" && r.api === "proxy");
    expect(deletes.map((r) => new URL(r.url).pathname.split("/").at(-1))).toEqual([proxyInteractionSid]);
  });

  it("agrees with another emulator run", () => {
    expect(compareReports(fromCli, inProcess)).toEqual([]);
  });
});

describe("npm run parity:compare", { timeout: 120_000 }, () => {
  it("exits 1 and names the status and the field an edit changed", async () => {
    const edited = structuredClone(fromCli);
    const seed = edited.scenarios[0]!;
    const fetch = seed.steps.find((s) => s.name === "Fetch the interaction")!;
    fetch.exchanges[0]!.status = 404;
    const list = seed.steps.find((s) => s.name === "List its channels")!;
    delete list.exchanges[0]!.response["channels[].status"];
    const file = join(dir, "edited.json");
    await writeFile(file, JSON.stringify(edited));

    const differs = await runScript("scripts/parity-compare.mts", { args: [join(dir, "emulator.json"), file] });
    expect(differs.code, differs.stdout + differs.stderr).toBe(1);
    expect(differs.stdout).toContain("differ in 2 place(s)");
    expect(differs.stdout).toContain("The seed story › Fetch the interaction › FetchInteraction: 200 vs 404");
    expect(differs.stdout).toContain("answer field `channels[].status` only in the first");
  });

  it("does not count timings, polling counts or the cleanup as differences", () => {
    const retimed = structuredClone(inProcess);
    for (const scenario of retimed.scenarios) {
      scenario.setupMs = 99_999;
      for (const step of scenario.steps) {
        step.durationMs += 1000;
        for (const exchange of step.exchanges) exchange.count += 3;
      }
    }
    retimed.cleanup.closedChannels += 5;
    expect(compareReports(inProcess, retimed)).toEqual([]);
  });

  it("names a changed transition and a changed Twilio error code", () => {
    const edited = structuredClone(inProcess);
    const leave = edited.scenarios.find((s) => s.name === "Leave the channel")!;
    leave.steps.find((s) => s.name === "Leave the channel")!.transitions[0]!.to = "closed";
    const probe = leave.steps.find((s) => s.name === "Set the channel inactive without Routing")!;
    probe.exchanges[0]!.errorCode = 45_000;
    const kinds = compareReports(inProcess, edited).map((d) => `${d.kind}: ${d.where}: ${d.detail}`);
    expect(kinds).toContain(
      "transition: Leave the channel › Leave the channel: UO#1 active → inactive vs UO#1 active → closed",
    );
    expect(kinds).toContainEqual(
      expect.stringMatching(/^status: .*UpdateInteractionChannel: 400 \(error 20001\) vs 400 \(error 45000\)$/),
    );
  });
});

describe("an interrupted run", () => {
  // Runs `scenarios` on a fresh emulator and fires the interrupt when a step line matches `line`.
  async function interruptedAfter(line: RegExp, scenarios: string[]) {
    const emulator = createEmulator({ seed: 5 });
    const target = await emulatorTarget(emulator);
    const interrupt = new AbortController();
    try {
      const report = await runParity(target, {
        signal: interrupt.signal,
        scenarios: SCENARIOS.filter((s) => scenarios.includes(s.name)),
        log: (text) => line.test(text) && interrupt.abort(),
      });
      return { report, emulator, instanceSid: target.resources.flexInstanceSid };
    } finally {
      await target.close();
    }
  }

  it("stops, then closes the channel it created and completes its tasks", async () => {
    const { report, emulator } = await interruptedAfter(/✓ Wait until the channel is active/, [
      "Close with completion",
      "Proxy session",
    ]);
    expect(report.interrupted).toBe(true);
    expect(report.scenarios.map((s) => s.name)).toEqual(["Close with completion"]);
    expect(report.cleanup).toEqual({ closedChannels: 1, deletedWebhooks: 0, left: [] });
    expect(emulator.tasks().map((t) => t.status)).toEqual(["completed"]);
    // The Proxy scenario never started: the user's session is untouched.
    expect(emulator.requests().filter((r) => r.api === "proxy")).toEqual([]);
  });

  it("stops, then deletes the webhook it registered", async () => {
    const { report, emulator, instanceSid } = await interruptedAfter(/✓ Register an interaction webhook/, [
      "Interaction webhooks",
    ]);
    expect(report.interrupted).toBe(true);
    expect(report.cleanup).toEqual({ closedChannels: 0, deletedWebhooks: 1, left: [] });
    const twilio = createInteractionsClient({
      ...emulator.credentials,
      fetch: emulator.fetch,
      baseUrls: emulator.baseUrls,
    });
    expect(await twilio.flex.instances(instanceSid).interactionWebhooks.list().toArray()).toEqual([]);
  });
});

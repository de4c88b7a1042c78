// Cloudflare's workerd (`workerd serve`, no wrangler): the cases as a module
// worker that esbuild bundled from the installed package, with nodejs_compat
// (which adds a Node-like `process`) and the test CA trusted by the network
// service the worker's fetch goes through. Each request to the worker runs
// the cases once with the config it carries.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MATRIX, expectCases, freePort, useServers } from "./helpers/matrix";
import { expectWebhookCases } from "./helpers/webhooks";

const { project, binaries } = inject("runtimes");
const servers = useServers();
let workerd: ChildProcess;
let workerUrl = "";
let output = "";

const config = (port: number) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["local"], tlsOptions = (trustedCertificates = [embed "ca.pem"]))),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = ["nodejs_compat"],
);
`;

beforeAll(async () => {
  const port = await freePort();
  writeFileSync(join(project, "workerd.capnp"), config(port));
  workerd = spawn(binaries.workerd, ["serve", "workerd.capnp"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  workerd.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  workerd.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  workerUrl = `http://127.0.0.1:${port}/`;
  // Ready once it answers; a worker that fails to load exits, and its output says why.
  for (let waited = 0; ; waited += 100) {
    if (workerd.exitCode !== null) throw new Error(`workerd exited with ${workerd.exitCode}:\n${output}`);
    if (waited > 30_000) throw new Error(`workerd did not listen within 30 s:\n${output}`);
    const ready = await fetch(workerUrl, { method: "HEAD" }).then(
      () => true,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(() => {
  workerd?.kill();
});

// One run of the worker with `config`; its JSON answer.
async function runWorker(config: unknown): Promise<unknown> {
  const response = await fetch(workerUrl, { method: "POST", body: JSON.stringify(config) });
  const text = await response.text();
  expect(response.status, `${text}\n${output}`).toBe(200);
  return JSON.parse(text);
}

describe("workerd", () => {
  it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
    expectCases(await runWorker(servers.config(protocol, wire)), servers.server(protocol), wire, {
      // nodejs_compat gives workerd a `process` claiming Node; the User-Agent names the real runtime.
      userAgent: /^twilio-interactions\/\S+ Cloudflare-Workers$/,
      // "Network connection lost." does not prove the POST was never sent.
      refusedRetried: false,
      fetchHeader: undefined,
      defaultIsNodeHttp: false,
    });
  });

  it("receives the interaction events the emulator signed, and refuses changed ones", async () => {
    expectWebhookCases(await runWorker({ suite: "webhooks" }));
  });
});

// Deno, run as its users do: `deno run --allow-net=127.0.0.1` and nothing else (no
// --allow-env, --allow-read or --allow-sys), trusting the test CA through
// --cert, which only Deno's own fetch honours; so the default wire is fetch.
import { join } from "node:path";
import { describe, inject, it } from "vitest";
import { run } from "../package/helpers/run";
import { MATRIX, expectCases, lastJsonLine, useServers } from "./helpers/matrix";
import { expectStory, startEmulatorFront } from "./helpers/story";
import { expectWebhookCases } from "./helpers/webhooks";

const { project, certificates, binaries, versions } = inject("runtimes");
const servers = useServers();
const deno = (config: unknown) =>
  run(binaries.deno, ["run", "--allow-net=127.0.0.1", "--cert", "ca.pem", "deno.mjs", JSON.stringify(config)], {
    cwd: project,
    env: { DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(project, ".deno") },
  });

describe("Deno", () => {
  it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
    const stdout = await deno(servers.config(protocol, wire));
    expectCases(lastJsonLine(stdout, "deno run deno.mjs"), servers.server(protocol), wire, {
      userAgent: new RegExp(`^twilio-interactions/\\S+ deno/${versions.deno}$`),
      refusedRetried: true,
      fetchHeader: "accept-encoding",
      defaultIsNodeHttp: false,
    });
  });

  // Issue 14's acceptance: `deno run --allow-net=127.0.0.1 --cert ca.pem` of the seed story, default options.
  it.each(["http", "https"] as const)("tells the seed story over %s with default options", async (protocol) => {
    const { server, config } = await startEmulatorFront(project, protocol === "https" ? certificates : undefined);
    try {
      expectStory(lastJsonLine(await deno(config), "deno run deno.mjs"), server, config);
    } finally {
      await server.close();
    }
  });

  it("receives the interaction events the emulator signed, and refuses changed ones", async () => {
    expectWebhookCases(lastJsonLine(await deno({ suite: "webhooks" }), "deno run deno.mjs"));
  });
});

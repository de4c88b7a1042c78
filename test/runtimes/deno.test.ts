// Deno, run as its users do: `--allow-net=127.0.0.1` and nothing else (no
// --allow-env, --allow-read or --allow-sys), trusting the test CA through
// --cert, which only Deno's own fetch honours; so the default wire is fetch.
import { join } from "node:path";
import { describe, inject, it } from "vitest";
import { run } from "../package/helpers/run";
import { MATRIX, expectCases, lastJsonLine, useServers } from "./helpers/matrix";

const { project, certificates, binaries, versions } = inject("runtimes");
const servers = useServers();

describe("Deno", () => {
  it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
    const config = servers.config(protocol, wire);
    const args = ["run", "--allow-net=127.0.0.1", "--cert", certificates.caFile, join(project, "deno.mjs")];
    const stdout = await run(binaries.deno, [...args, JSON.stringify(config)], {
      cwd: project,
      env: { DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(project, ".deno") },
    });
    expectCases(lastJsonLine(stdout, "deno run deno.mjs"), servers.server(protocol), wire, {
      userAgent: new RegExp(`^twilio-interactions/\\S+ deno/${versions.deno}$`),
      refusedRetried: true,
      fetchHeader: "accept-encoding",
      defaultIsNodeHttp: false,
    });
  });
});

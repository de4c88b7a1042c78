// Bun, running the ES module consumer, trusting the test CA through
// NODE_EXTRA_CA_CERTS. Bun emulates Node, but its own fetch costs about half
// of its node:http per request, so the default wire is fetch.
import { join } from "node:path";
import { describe, inject, it } from "vitest";
import { run } from "../package/helpers/run";
import { MATRIX, expectCases, lastJsonLine, useServers } from "./helpers/matrix";
import { expectWebhookCases } from "./helpers/webhooks";

const { project, certificates, binaries, versions } = inject("runtimes");
const servers = useServers();

describe("Bun", () => {
  it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
    const config = servers.config(protocol, wire);
    const stdout = await run(binaries.bun, [join(project, "node.mjs"), JSON.stringify(config)], {
      cwd: project,
      env: { NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expectCases(lastJsonLine(stdout, "bun node.mjs"), servers.server(protocol), wire, {
      userAgent: new RegExp(`^twilio-interactions/\\S+ bun/${versions.bun}$`),
      refusedRetried: true,
      fetchHeader: "accept-encoding",
      defaultIsNodeHttp: false,
    });
  });

  it("receives the interaction events the emulator signed, and refuses changed ones", async () => {
    const stdout = await run(binaries.bun, [join(project, "node.mjs"), JSON.stringify({ suite: "webhooks" })], {
      cwd: project,
    });
    expectWebhookCases(lastJsonLine(stdout, "bun node.mjs"));
  });
});

// Node, as an ES module and as CommonJS, trusting the test CA through
// NODE_EXTRA_CA_CERTS. The default wire here is node:http.
import { join } from "node:path";
import { describe, inject, it } from "vitest";
import { run } from "../package/helpers/run";
import { MATRIX, expectCases, lastJsonLine, useServers } from "./helpers/matrix";
import { expectWebhookCases } from "./helpers/webhooks";

const { project, certificates } = inject("runtimes");
const servers = useServers();

describe.each(["node.mjs", "node.cjs"])("Node %s", (entry) => {
  it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
    const config = servers.config(protocol, wire);
    const stdout = await run(process.execPath, [join(project, entry), JSON.stringify(config)], {
      cwd: project,
      env: { NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expectCases(lastJsonLine(stdout, `node ${entry}`), servers.server(protocol), wire, {
      userAgent: new RegExp(`^twilio-interactions/\\S+ node/${process.versions.node}$`),
      refusedRetried: true,
      fetchHeader: "sec-fetch-mode",
      defaultIsNodeHttp: true,
    });
  });

  it("receives the interaction events the emulator signed, and refuses changed ones", async () => {
    const stdout = await run(process.execPath, [join(project, entry), JSON.stringify({ suite: "webhooks" })], {
      cwd: project,
    });
    expectWebhookCases(lastJsonLine(stdout, `node ${entry}`));
  });
});

// Node, as an ES module and as CommonJS, trusting the test CA through
// NODE_EXTRA_CA_CERTS, on the Node running the tests and on each pinned one
// (the minimum engines allows, the newest 22, 24 and 26: scripts/runtimes/install.mts).
// The default wire here is node:http.
import { join } from "node:path";
import { describe, inject, it } from "vitest";
import { run } from "../package/helpers/run";
import { MATRIX, expectCases, lastJsonLine, useServers } from "./helpers/matrix";
import { expectWebhookCases } from "./helpers/webhooks";

const { project, certificates, binaries } = inject("runtimes");
const servers = useServers();

const NODES = [
  { label: `${process.versions.node} (running the tests)`, node: process.execPath, version: process.versions.node },
  ...Object.entries(binaries.nodes).map(([version, node]) => ({ label: version, node, version })),
];

describe.each(NODES)("Node $label", ({ node, version }) => {
  describe.each(["node.mjs", "node.cjs"])("%s", (entry) => {
    it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
      const config = servers.config(protocol, wire);
      const stdout = await run(node, [join(project, entry), JSON.stringify(config)], {
        cwd: project,
        env: { NODE_EXTRA_CA_CERTS: certificates.caFile },
      });
      expectCases(lastJsonLine(stdout, `node ${entry}`), servers.server(protocol), wire, {
        userAgent: new RegExp(`^twilio-interactions/\\S+ node/${version.replace(/\./g, "\\.")}$`),
        refusedRetried: true,
        fetchHeader: "sec-fetch-mode",
        defaultIsNodeHttp: true,
      });
    });

    it("receives the interaction events the emulator signed, and refuses changed ones", async () => {
      const stdout = await run(node, [join(project, entry), JSON.stringify({ suite: "webhooks" })], {
        cwd: project,
      });
      expectWebhookCases(lastJsonLine(stdout, `node ${entry}`));
    });
  });
});

// The README's runtime table names the versions this suite runs, so a new pin
// cannot leave it stale.
import { readFileSync } from "node:fs";
import { expect, inject, it } from "vitest";
import { NODE_VERSIONS, RUNTIME_PACKAGES } from "../../scripts/runtimes/install.mts";
import { repoRoot } from "../package/helpers/run";

const { versions } = inject("runtimes");
const readme = readFileSync(`${repoRoot}README.md`, "utf8");
const section = readme.slice(readme.indexOf("### Where it is tested"), readme.indexOf("## Quickstart"));

it("lists every tested runtime with the version that ran", () => {
  const rows = (name: string) => section.split("\n").filter((line) => line.startsWith(`| ${name}`));
  const minor = (version: string | undefined) => version?.split(".").slice(0, 2).join(".") ?? "?";
  expect(rows("Node.js")).toHaveLength(2);
  for (const row of rows("Node.js")) {
    expect(row).toContain(` ${minor(versions.node)} (running the tests)`);
    for (const pinned of NODE_VERSIONS) expect(row).toMatch(new RegExp(` ${pinned.replace(/\./g, "\\.")}[, ]`));
  }
  for (const [name, row] of [
    ["bun", "Bun"],
    ["deno", "Deno"],
    ["workerd", "Cloudflare workerd"],
  ] as const) {
    const pinned = RUNTIME_PACKAGES[name].spec.split("@")[1];
    expect(rows(row).join("\n")).toContain(` ${pinned} `);
  }
  // Debian's mirror moves Chromium on its own schedule (back as well as forward): the row names the package.
  expect(versions.chromium).toMatch(/^\d+\./);
  expect(rows("Chromium").join("\n")).toContain("Debian's, as `apt-get install chromium` gives it");
});

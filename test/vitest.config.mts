import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// Tests import the package by name; each project decides which wire it gets.
const entry = (file: string) => ({
  alias: [
    { find: /^twilio-interactions$/, replacement: path(file) },
    { find: /^twilio-interactions\/testing$/, replacement: path("../src/testing/index.ts") },
  ],
});

export default defineConfig({
  // Same injection as the build (scripts/tsup.config.ts): the version comes from package.json.
  define: { __SDK_VERSION__: JSON.stringify(version) },
  test: {
    root: path(".."),
    // Starts the Prism mock of generated/openapi/*.yaml once for the integration tests.
    globalSetup: ["test/integration/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // Everything, with the client's default wire on Node: node:http.
        extends: true,
        resolve: entry("../src/index.ts"),
        test: {
          name: "node-wire",
          // examples/*.test.ts are users' own tests against the emulator, kept running.
          include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
          // These suites need a build or a browser and have their own commands (test:package, test:docs).
          exclude: ["test/package/**", "test/docs/**", "**/node_modules/**"],
        },
      },
      {
        // The behaviour suites again, sending through fetch, as other runtimes do.
        extends: true,
        resolve: entry("helpers/fetch-wire-entry.ts"),
        test: {
          name: "fetch-wire",
          include: [
            "test/runtime/**/*.test.ts",
            "test/faults/**/*.test.ts",
            "test/integration/**/*.test.ts",
            "test/load/concurrency.test.ts",
          ],
        },
      },
    ],
  },
});

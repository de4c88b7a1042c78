import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  // Same injection as the build (scripts/tsup.config.ts): the version comes from package.json.
  define: { __SDK_VERSION__: JSON.stringify(version) },
  resolve: { alias: { "twilio-interactions": fileURLToPath(new URL("../src/index.ts", import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["test/**/*.test.ts"],
    // These suites need a build or a browser and have their own commands (test:package, test:docs).
    exclude: ["test/package/**", "test/docs/**", "**/node_modules/**"],
    // Starts the Prism mock of generated/openapi/*.yaml once for the integration tests.
    globalSetup: ["test/integration/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

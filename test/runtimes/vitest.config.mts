import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:runtimes`: the packed package on Node (ESM and CommonJS), Bun,
// Deno, workerd and headless Chromium, over HTTP and HTTPS, with the default
// wire and with a fetch option (global setup: pack, install, bundle, certs).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/runtimes/**/*.test.ts"],
    globalSetup: ["test/runtimes/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});

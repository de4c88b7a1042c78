import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The package tests import nothing from src/: they pack the package, install
// the tarball in a temporary project (global setup) and use it from there.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/package/**/*.test.ts"],
    globalSetup: ["test/package/helpers/global-setup.ts"],
    // Hang detectors, not speed checks: a tsc run or attw takes minutes on a saturated machine.
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
});

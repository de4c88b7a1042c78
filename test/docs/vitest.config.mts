import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// npm run test:docs: builds site/ with `npm run docs`, then checks it in headless Chromium.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/docs/**/*.test.ts"],
    globalSetup: ["test/docs/build-site.ts"],
    // One Chromium per file on a shared 2-core machine: run the files one after another.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

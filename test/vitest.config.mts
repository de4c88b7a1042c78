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
    // package.json "imports" points at dist/: the sources use the node:http wire's source.
    { find: /^#wire-node$/, replacement: path("../src/wire-node.ts") },
  ],
});

export default defineConfig({
  // Same injection as the build (scripts/tsup.config.ts): the version comes from package.json.
  define: { __SDK_VERSION__: JSON.stringify(version) },
  test: {
    root: path(".."),
    // Starts the Prism mock of generated/openapi/*.yaml once for the integration tests.
    globalSetup: ["test/integration/global-setup.ts"],
    // Hang detectors, not speed checks: generous enough for a tsc run or a child process on a
    // saturated machine (npm test passes under four busy processes per core, see scripts/load.mts).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Vitest's default is one worker fewer than the cores: one on 2 cores. Much
    // of the suite waits on sockets, timers and child processes rather than
    // the CPU, so one worker per core shortens the run. More than that starved
    // the timing tests on a loaded 2-core machine.
    maxWorkers: 2,
    // Concurrent tests (the fault tables) mostly wait out retry backoffs on the machine's clock:
    // more of them at once shortens those waits' sum, not any single wait.
    maxConcurrency: 20,
    // One module graph per worker instead of one per file: importing the SDK, the generated
    // types and the test helpers again for every file was a fifth of the suite's CPU time.
    // Files share only what they do not change: env stubs, global stubs and mocks are undone
    // after every test, and the loaded CI run shuffles the files to show any order dependence.
    isolate: false,
    unstubEnvs: true,
    unstubGlobals: true,
    restoreMocks: true,
    projects: [
      {
        // Everything, with the client's default wire on Node: node:http.
        extends: true,
        resolve: entry("../src/index.ts"),
        test: {
          name: "node-wire",
          // examples/*.test.ts are users' own tests against the emulator, kept running.
          include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
          // These suites need a build, a browser or many minutes and have their own commands
          // (test:package, test:docs, test:runtimes, test:soak).
          exclude: [
            "test/package/**",
            "test/docs/**",
            "test/runtimes/**",
            "test/soak/**",
            "test/tooling/**",
            "**/node_modules/**",
          ],
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
            "test/fuzz/hostile.test.ts",
            "test/integration/**/*.test.ts",
            "test/load/concurrency.test.ts",
          ],
          // These run scripts in child processes, which this project's alias never reaches: the
          // node-wire project runs them once.
          exclude: [
            "test/integration/demo.test.ts",
            "test/integration/examples-standalone.test.ts",
            "test/integration/readme-quickstart.test.ts",
            "test/runtime/start-up.test.ts",
          ],
        },
      },
      {
        // `npm run test:tooling`: the repository's own tools, each in child processes: the drift check
        // and `generate --watch` on a copy of the repository, the Prism mock's life cycle.
        extends: true,
        resolve: entry("../src/index.ts"),
        test: { name: "tooling", include: ["test/tooling/**/*.test.ts"] },
      },
      {
        // `npm run test:soak`: long runs, such as 100,000 requests through one client.
        extends: true,
        resolve: entry("../src/index.ts"),
        test: { name: "soak", include: ["test/soak/**/*.test.ts"] },
      },
    ],
  },
});

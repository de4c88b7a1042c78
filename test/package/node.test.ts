// The installed tarball used from Node the ways users do: ESM import,
// CommonJS require, and TypeScript compiled with moduleResolution node10
// (CommonJS, what "module": "commonjs" projects get by default), node16 (as
// CommonJS and as ESM) and bundler. Each consumer runs the same scenario
// against a loopback server and must resolve the matching build.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { TestServer } from "../helpers/server";
import { repoRoot, run, runNode } from "./helpers/run";
import { expectScenario } from "./helpers/scenario";
import { scenarioConfig, startTwilioApi } from "./helpers/twilio-api";

const { project } = inject("packed");
const TSC = join(repoRoot, "node_modules/typescript/bin/tsc");

let server: TestServer;
beforeAll(async () => {
  server = await startTwilioApi();
});
afterAll(() => server?.close());
beforeEach(() => server.reset());

const env = () => ({ SMOKE_CONFIG: JSON.stringify(scenarioConfig(server)) });

interface Output {
  entry?: string;
  result: unknown;
}

describe("JavaScript consumers", () => {
  it("ESM: import resolves to dist/index.mjs and the calls work", async () => {
    const { entry, result } = (await runNode("esm.mjs", { cwd: project, env: env() })) as Output;
    expect(entry).toMatch(/\/node_modules\/twilio-interactions\/dist\/index\.mjs$/);
    expectScenario(result, server.requests);
  });

  it("CommonJS: require resolves to dist/index.js and the calls work", async () => {
    const { entry, result } = (await runNode("cjs.cjs", { cwd: project, env: env() })) as Output;
    expect(entry).toMatch(/\/node_modules\/twilio-interactions\/dist\/index\.js$/);
    expectScenario(result, server.requests);
  });
});

// Each variant compiles test/package/consumers/typescript.ts in its own folder,
// whose package.json "type" decides CommonJS or ESM under node16.
const variants = [
  {
    name: "node10, CommonJS",
    type: "commonjs",
    module: "commonjs",
    moduleResolution: "node10",
    loads: /require\("twilio-interactions"\)/,
  },
  {
    name: "node16, CommonJS",
    type: "commonjs",
    module: "node16",
    moduleResolution: "node16",
    loads: /require\("twilio-interactions"\)/,
  },
  {
    name: "node16, ESM",
    type: "module",
    module: "node16",
    moduleResolution: "node16",
    loads: /from "twilio-interactions"/,
  },
  {
    name: "bundler",
    type: "module",
    module: "esnext",
    moduleResolution: "bundler",
    loads: /from "twilio-interactions"/,
  },
];

describe("TypeScript consumers", () => {
  it.each(variants)("moduleResolution $name: compiles without errors and runs", async (variant) => {
    const dir = join(project, `ts-${variant.moduleResolution}-${variant.type}`);
    mkdirSync(dir);
    cpSync(join(project, "typescript.ts"), join(dir, "consumer.ts"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: variant.type }));
    const compilerOptions = {
      module: variant.module,
      moduleResolution: variant.moduleResolution,
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      // The package's declarations are checked too, as in a strict user project.
      skipLibCheck: false,
      noEmitOnError: true,
      outDir: "out",
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }));

    await run(process.execPath, [TSC, "-p", dir], { cwd: dir });
    const output = readFileSync(join(dir, "out/consumer.js"), "utf8");
    expect(output).toMatch(variant.loads);
    expect(output).toMatch(/["']twilio-interactions\/testing["']/);
    const { result } = (await runNode("out/consumer.js", { cwd: dir, env: env() })) as Output;
    expectScenario(result, server.requests);
  });
});

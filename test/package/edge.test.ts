// The browser and edge path: esbuild bundles a small consumer of the installed
// package for the browser platform (so no Node built-in can sneak in, and
// nothing may stay unresolved), and the bundle runs in an edge-runtime sandbox
// (@edge-runtime/vm: web-standard globals only, no process, no require, no
// eval) against the loopback server.
import { EdgeVM } from "@edge-runtime/vm";
import { type Metafile, build } from "esbuild";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { codeIn, dataIn, oneApiConsumer, pathClientConsumer } from "../helpers/bundle-markers";
import type { TestServer } from "../helpers/server";
import { expectScenario } from "./helpers/scenario";
import { scenarioConfig, startTwilioApi } from "./helpers/twilio-api";

const { project } = inject("packed");

let server: TestServer;
let code: string;
let metafile: Metafile;
let warnings: unknown[];

beforeAll(async () => {
  server = await startTwilioApi();
  // A failed resolution is a build error, so this rejects on any unresolved import.
  const result = await build({
    absWorkingDir: project,
    entryPoints: [join(project, "edge-entry.mjs")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  code = result.outputFiles[0]?.text ?? "";
  metafile = result.metafile;
  warnings = result.warnings;
});
afterAll(() => server?.close());

// The published build is one file per entry (plus a shared chunk), so what a bundler drops depends on
// each top-level statement there being free of effects, not on the modules the sources had.
it.each(["flex", "proxy"] as const)(
  "bundles a program that uses only the %s API with only that API's data",
  async (api) => {
    const result = await build({
      absWorkingDir: project,
      stdin: { contents: oneApiConsumer(api), resolveDir: project, loader: "js" },
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      logLevel: "silent",
    });
    expect(dataIn(result.outputFiles[0]!.text)).toEqual([api]);
  },
);

// package.json "imports" gives `#wire-node` a stub under the browser and worker conditions; the path client
// alone leaves the resource methods, paginate and openapi-fetch's client out too.
const FULL_CLIENT = ["resources", "paginate", "openapiFetchClient"];
it.each([
  ["createPathClientFor(flexPathApi)", "browser", pathClientConsumer("flex"), "browser", [], []],
  ["createClientFor(flexApi)", "browser", oneApiConsumer("flex"), "browser", [], FULL_CLIENT],
  ["createClientFor(flexApi)", "workerd", oneApiConsumer("flex"), "neutral", ["workerd", "worker"], FULL_CLIENT],
  ["createClientFor(flexApi)", "node", oneApiConsumer("flex"), "node", [], ["nodeWire", ...FULL_CLIENT]],
] as const)(
  "a consumer of %s bundled for %s holds the parts it uses",
  async (_, _target, contents, platform, conditions, parts) => {
    const result = await build({
      absWorkingDir: project,
      stdin: { contents, resolveDir: project, loader: "js" },
      bundle: true,
      platform,
      conditions: [...conditions],
      format: "esm",
      minify: true,
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    expect(codeIn(code)).toEqual(parts);
    expect(dataIn(code)).toEqual(["flex"]);
  },
);

it("bundles for the browser platform with every import resolved and nothing external", () => {
  expect(warnings).toEqual([]);
  const [output] = Object.values(metafile.outputs);
  expect(output?.imports).toEqual([]);
  const inputs = Object.keys(metafile.inputs);
  // The browser platform picks the ESM builds; "(disabled)" would mean a module the browser field stubbed out.
  expect(inputs).toContain("node_modules/twilio-interactions/dist/index.mjs");
  expect(inputs.filter((input) => !input.startsWith("node_modules/") && input !== "edge-entry.mjs")).toEqual([
    "scenario.mjs",
  ]);
  expect(inputs.filter((input) => input.includes("(disabled)"))).toEqual([]);

  const minified = Buffer.byteLength(code);
  const gzipped = gzipSync(code, { level: 9 }).byteLength;
  console.log(
    `browser bundle (SDK, with openapi-fetch, + scenario): ${minified} bytes minified, ${gzipped} bytes gzipped`,
  );
  expect(gzipped).toBeLessThan(minified);
});

it("runs in the edge-runtime sandbox against a loopback server", async () => {
  const vm = new EdgeVM();
  // The sandbox really is not Node: the SDK finds neither process nor require there.
  expect(vm.evaluate("[typeof process, typeof require, typeof fetch].join()")).toBe("undefined,undefined,function");
  vm.evaluate(code);
  const config = scenarioConfig(server);
  const json = await vm.evaluate<Promise<string>>(`smoke(${JSON.stringify(config)})`);
  expectScenario(JSON.parse(json), server.requests);
  // Without process, the User-Agent names no Node version.
  expect(server.requests[0]?.headers["user-agent"]).not.toMatch(/node\//);
});

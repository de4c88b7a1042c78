// twilio-interactions/testing from the installed tarball: ESM import and
// CommonJS require each resolve their own build and run the emulator
// in-process and over loopback HTTP; a browser-platform bundle of it runs
// in-process in the edge-runtime sandbox, with no Node built-in inside.
import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runNode } from "./helpers/run";

const { project } = inject("packed");

const STORY = {
  interaction: expect.stringMatching(/^KD[0-9a-f]{32}$/),
  agentType: "agent",
  channel: "closed",
  tasks: ["wrapping"],
  pages: [50, 50, 20],
};

interface Output {
  entry: string;
  result: { inProcess: unknown; http: unknown; loopback: boolean };
}

describe("twilio-interactions/testing in Node", () => {
  it("ESM: import resolves to dist/testing.mjs; in-process and HTTP both tell the story", async () => {
    const { entry, result } = (await runNode("testing-esm.mjs", { cwd: project })) as Output;
    expect(entry).toMatch(/\/node_modules\/twilio-interactions\/dist\/testing\.mjs$/);
    expect(result).toEqual({ inProcess: STORY, http: STORY, loopback: true });
  });

  it("CommonJS: require resolves to dist/testing.js; in-process and HTTP both tell the story", async () => {
    const { entry, result } = (await runNode("testing-cjs.cjs", { cwd: project })) as Output;
    expect(entry).toMatch(/\/node_modules\/twilio-interactions\/dist\/testing\.js$/);
    expect(result).toEqual({ inProcess: STORY, http: STORY, loopback: true });
  });
});

describe("twilio-interactions/testing on the edge", () => {
  it("bundles for the browser platform and runs in-process in the edge-runtime sandbox", async () => {
    const { outputFiles, metafile, warnings } = await build({
      absWorkingDir: project,
      entryPoints: [join(project, "testing-edge-entry.mjs")],
      bundle: true,
      platform: "browser",
      format: "iife",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(warnings).toEqual([]);
    expect(Object.values(metafile.outputs)[0]?.imports).toEqual([]);
    expect(Object.keys(metafile.inputs)).toContain("node_modules/twilio-interactions/dist/testing.mjs");
    const vm = new EdgeVM();
    expect(vm.evaluate("[typeof process, typeof require].join()")).toBe("undefined,undefined");
    vm.evaluate(outputFiles[0]!.text);
    const json = await vm.evaluate<Promise<string>>("smokeTesting()");
    expect(JSON.parse(json)).toEqual({ inProcess: STORY });
  });
});

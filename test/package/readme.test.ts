// The README's Quickstart as a user pastes it, against the packed tarball:
// the seed story in a project made ESM (`npm pkg set type=module`), compiled
// by strict TypeScript and run with Node; and its CommonJS form, run as it
// is. Both tell the whole story against the emulator, with no network.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { commonJsStory, linesOfCode, quickstart } from "../helpers/readme";
import { repoRoot, run } from "./helpers/run";

const { project } = inject("packed");
const TSC = join(repoRoot, "node_modules/typescript/bin/tsc");
const blocks = quickstart();

// What the story prints, whichever module system runs it.
function expectStory(stdout: string): void {
  expect(stdout).toMatch(/^UO[0-9a-f]{32} active$/m);
  expect(stdout).toContain("page 0: 50 interactions\npage 1: 50 interactions\npage 2: 20 interactions");
  expect(stdout).toMatch(/^\{"body":"Message 1"\}$/m);
}

describe("the README's Quickstart, from the packed tarball", () => {
  it("the story: at most 54 lines of code, strict TypeScript in an ESM project, and it runs", async () => {
    expect((await linesOfCode(blocks.story)).count).toBeLessThanOrEqual(54);
    // A folder of the consumer project (the tarball is installed one level up), ESM as `npm pkg set type=module` makes it.
    const dir = join(project, "readme-esm");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "story", type: "module" }));
    writeFileSync(join(dir, "story.ts"), blocks.story);
    const compilerOptions = {
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "ES2022",
      lib: ["ES2023", "DOM"],
      types: [],
      strict: true,
      skipLibCheck: false,
      noEmitOnError: true,
      outDir: "out",
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["story.ts"] }));
    await run(process.execPath, [TSC, "-p", dir], { cwd: dir });
    expectStory(await run(process.execPath, ["out/story.js"], { cwd: dir }));
    // Pasted as JavaScript, it runs as it stands too.
    writeFileSync(join(dir, "story.js"), blocks.story);
    expectStory(await run(process.execPath, ["story.js"], { cwd: dir }));
  });

  it("its CommonJS form runs in a CommonJS project", async () => {
    const dir = join(project, "readme-cjs");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "story", type: "commonjs" }));
    writeFileSync(join(dir, "story.cjs"), commonJsStory(blocks));
    expectStory(await run(process.execPath, ["story.cjs"], { cwd: dir }));
  });
});

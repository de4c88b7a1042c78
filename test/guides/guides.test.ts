// The guides' code is code readers paste: every TypeScript block of every
// Markdown page of docs/ is type-checked the way a strict project would, and
// every program that can run does, against the emulator (see code-blocks.ts
// for how blocks form programs, guide-client.ts for the emulator a block's
// `createInteractionsClient()` gets, vitest-shim.ts for blocks that are tests).
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { repoRoot } from "../../scripts/codegen/apis.mts";
import { strictTsc } from "../helpers/strict-tsc";
import { type GuideProgram, guidePages, programFile, programsOf } from "./code-blocks";
import { prepareGuideEmulator } from "./guide-client";
import { runCollected } from "./vitest-shim";

const pages = await guidePages();
const programs = pages.flatMap(({ page, markdown }) => programsOf(page, markdown));
const runnable = programs.filter((program) => program.run);
// Inside the repository, so the run files resolve "twilio-interactions" through Vitest's aliases.
const scratch = join(repoRoot, "test/.artifacts/guides");
const STUBS = "frameworks.d.ts";
const CLIENT_CALL = "createInteractionsClient()";

/**
 * The program as it runs: production client creation aimed at the emulator,
 * and test blocks run by the shim. The import goes on line 1, which is never
 * code (a page starts with its title), so line numbers stay the page's.
 */
function runnableCode(program: GuideProgram): string {
  const code = program.code
    .replaceAll(CLIENT_CALL, "createInteractionsClient(guideClientOptions())")
    .replaceAll('from "vitest"', 'from "../../guides/vitest-shim.ts"');
  return `import { guideClientOptions } from "../../guides/guide-client.ts";${code}`;
}

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await copyFile(join(repoRoot, "test/guides/stubs", STUBS), join(scratch, STUBS));
  for (const program of programs) {
    await writeFile(join(scratch, programFile(program)), program.code);
    if (program.run) await writeFile(join(scratch, programFile(program, ".run")), runnableCode(program));
  }
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("the code blocks of docs/*.md", () => {
  it("are programs, and every page with code has one that runs", () => {
    expect(programs.length).toBeGreaterThan(0);
    for (const { page } of pages) {
      const own = programs.filter((p) => p.page === page);
      if (own.length)
        expect(
          own.some((p) => p.run),
          `${page} has code but none of it runs`,
        ).toBe(true);
    }
  });

  it("type-check strictly against the SDK (frameworks from minimal stubs)", async () => {
    expect(await strictTsc(scratch, [...programs.map((p) => programFile(p)), STUBS], ["node"])).toBe("");
  });

  it.each(runnable.map((program) => ({ ...program, name: `${program.page}:${program.line}` })))(
    "$name runs against the emulator",
    async (program) => {
      prepareGuideEmulator(program.line);
      const output: string[] = [];
      const capture = (...args: unknown[]) => void output.push(args.map(String).join(" "));
      vi.spyOn(console, "log").mockImplementation(capture);
      vi.spyOn(console, "error").mockImplementation(capture);
      try {
        await import(join(scratch, programFile(program, ".run")));
        const tests = await runCollected();
        if (/from "vitest"/.test(program.code))
          expect(tests.length, "the test file declared no test").toBeGreaterThan(0);
      } catch (error) {
        throw new Error(`${program.name} failed; it printed:\n${output.join("\n")}`, { cause: error });
      }
    },
  );
});

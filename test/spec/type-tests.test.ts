// The compile-time tests in test/types/ only prove something if they fail when
// the types regress. Here they are compiled twice in a scratch copy: once as
// they are (must pass), once with `Sid<P>` weakened to `string` (must fail on
// exactly the lines that pass a plain string or a wrong-prefix SID).
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const run = promisify(execFile);
let scratch: string;

async function tsc(config = "tsconfig.json"): Promise<string> {
  const tscBin = join(root, "node_modules/typescript/bin/tsc");
  try {
    await run(process.execPath, [tscBin, "-p", join(scratch, config)], { cwd: scratch });
    return "";
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-types-"));
  for (const dir of ["generated", "src", "test/types"]) {
    await cp(join(root, dir), join(scratch, dir), { recursive: true });
  }
  await symlink(join(root, "node_modules"), join(scratch, "node_modules"));
  await writeFile(
    join(scratch, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: "ES2022",
        lib: ["ES2022", "DOM"],
        module: "ESNext",
        moduleResolution: "Bundler",
        types: [],
      },
      files: ["test/types/generated-types.ts", "test/types/client-types.ts", "test/types/resource-types.ts"],
    }),
  );
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("the type tests", () => {
  it("compile against the real types", async () => {
    expect(await tsc()).toBe("");
  });

  it("name asSid in the error of a plain string where a resource wants a SID", async () => {
    const file = join(scratch, "test/types/plain-string.ts");
    await writeFile(
      file,
      'import { createInteractionsClient } from "../../src/index";\n' +
        "declare const sid: string;\n" +
        "createInteractionsClient().flex.interactions(sid);\n",
    );
    await writeFile(
      join(scratch, "tsconfig.plain.json"),
      JSON.stringify({ extends: "./tsconfig.json", files: ["test/types/plain-string.ts"] }),
    );
    const output = await tsc("tsconfig.plain.json");
    await rm(file);
    expect(output).toContain("plain-string.ts(3,");
    expect(output).toContain('check a plain string with asSid(\\"KD\\", value)');
  });

  it("fail when SIDs are plain strings", async () => {
    await writeFile(join(scratch, "src/sid.ts"), "export type Sid<Prefix extends string> = string;\n");
    const output = await tsc();
    const unused = output.split("\n").filter((line) => line.includes("TS2578"));
    expect(unused.length).toBeGreaterThanOrEqual(4);
    expect(output).toMatch(/generated-types\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
    expect(output).toMatch(/client-types\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
  });
});

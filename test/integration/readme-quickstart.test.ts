// The README's Quickstart is code users paste: the seed story against the
// emulator, and the same story wired to a Twilio account. Both run from the
// README text itself: the story in-process against the emulator, the account
// form against the mock (test/spec/type-tests.test.ts type-checks both,
// strictly, and test/package/readme.test.ts runs the story, ESM and CommonJS,
// from the packed tarball). The story must stay at most 54 lines of code
// (prettier's default 80 columns, blank and comment lines aside): the same
// story with the `twilio` package takes 54.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { MOCK_CREDENTIALS } from "../../scripts/mock/interactions-mock.mts";
import { SERVICE_SID, SESSION_SID } from "../helpers/fixtures";
import { linesOfCode, liveStory, quickstart } from "../helpers/readme";
import { REPO_ROOT } from "./support/processes";

const blocks = quickstart();
const live = liveStory(blocks);
const CLIENT_CALL = "createInteractionsClient()";

// Inside the repository, so the test's aliases resolve the package names when the story is imported.
let runs: string;

beforeAll(async () => {
  await mkdir(join(REPO_ROOT, "test/.artifacts"), { recursive: true });
  runs = await mkdtemp(join(REPO_ROOT, "test/.artifacts/quickstart-"));
});

afterAll(async () => {
  await rm(runs, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Imports `code` as a module (top-level await included) and returns what it logged. */
async function run(name: string, code: string): Promise<string> {
  const file = join(runs, name);
  await writeFile(file, code);
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  await import(/* @vite-ignore */ file);
  return lines.join("\n");
}

describe("the README quickstart", () => {
  it("tells the seed story against the emulator in at most 54 lines of code, as printed", async () => {
    const { formatted, count } = await linesOfCode(blocks.story);
    expect(count).toBeLessThanOrEqual(54);
    // What the README shows is what is counted: prettier's defaults leave it as it is.
    expect(blocks.story).toBe(formatted);
  });

  it("runs against the emulator, with nothing else", async () => {
    const output = await run("story.mts", blocks.story);
    expect(output).toMatch(/^UO[0-9a-f]{32} active$/m);
    expect(output).toContain("page 0: 50 interactions\npage 1: 50 interactions\npage 2: 20 interactions");
    expect(output).toMatch(/^\{"body":"Message 1"\}$/m);
  });

  it("runs against Twilio's API (the mock) with the account wiring", async () => {
    vi.stubEnv("TWILIO_API_KEY", undefined);
    vi.stubEnv("TWILIO_API_SECRET", undefined);
    vi.stubEnv("TWILIO_ACCOUNT_SID", MOCK_CREDENTIALS.accountSid);
    vi.stubEnv("TWILIO_AUTH_TOKEN", MOCK_CREDENTIALS.authToken);
    vi.stubEnv("TWILIO_PROXY_SERVICE_SID", SERVICE_SID);
    vi.stubEnv("TWILIO_PROXY_SESSION_SID", SESSION_SID);
    expect(live).toContain(CLIENT_CALL);
    // The only change for the run: the mock's base URLs, where the README leaves Twilio's.
    const urls = JSON.stringify(inject("mockUrls"));
    const output = await run("live.mts", live.replace(CLIENT_CALL, `createInteractionsClient({ baseUrls: ${urls} })`));
    expect(output).toMatch(/^UO[0-9a-f]{32} \w+$/m);
    expect(output).toMatch(/^page 0: \d+ interactions$/m);
    // The fetched interaction's `data`, a JSON string.
    expect(() => JSON.parse(output.split("\n").at(-1)!)).not.toThrow();
  });
});

// The README's quickstart is code users paste: it is type-checked (strict) as
// it stands, and run as a program against the mock. The only change for the
// run is the client's base URLs, which the quickstart leaves to the defaults
// (Twilio); credentials and SIDs come from the environment as the text says.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MOCK_CREDENTIALS } from "../../scripts/mock/interactions-mock.mts";
import { PROXY_INTERACTION_SID, SERVICE_SID, SESSION_SID } from "../helpers/fixtures";
import { strictTsc } from "../helpers/strict-tsc";
import { REPO_ROOT, cleanEnv } from "./support/processes";

const run = promisify(execFile);
const CLIENT_CALL = "createInteractionsClient()";

/** The TypeScript block of the README's Quickstart section. */
function quickstart(): string {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("\n## Quickstart"),
    readme.indexOf("\n## ", readme.indexOf("\n## Quickstart") + 1),
  );
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md has no ```ts block under ## Quickstart");
  return block;
}

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-quickstart-"));
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("the README quickstart", () => {
  it("tells the seed story in at most 60 lines", () => {
    expect(quickstart().trimEnd().split("\n").length).toBeLessThanOrEqual(60);
    expect(quickstart()).toContain(CLIENT_CALL);
  });

  it("type-checks strictly and runs against the mock", async () => {
    const code = quickstart();
    await writeFile(join(scratch, "quickstart.mts"), code);
    // The same code aimed at the mock, for the run.
    const urls = JSON.stringify(inject("mockUrls"));
    await writeFile(
      join(scratch, "run.mts"),
      code.replace(CLIENT_CALL, `createInteractionsClient({ baseUrls: ${urls} })`),
    );
    expect(await strictTsc(scratch, ["quickstart.mts", "run.mts"], ["node"])).toBe("");

    const env = cleanEnv({
      TWILIO_ACCOUNT_SID: MOCK_CREDENTIALS.accountSid,
      TWILIO_AUTH_TOKEN: MOCK_CREDENTIALS.authToken,
      TWILIO_PROXY_SERVICE_SID: SERVICE_SID,
      TWILIO_PROXY_SESSION_SID: SESSION_SID,
      TWILIO_PROXY_INTERACTION_SID: PROXY_INTERACTION_SID,
    });
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", join(scratch, "run.mts")], {
      // tsx resolves the package name through the repository's tsconfig, as for the examples.
      cwd: REPO_ROOT,
      env,
      timeout: 60_000,
    });
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^UO[0-9a-f]{32} \w+$/m);
    expect(stdout).toMatch(/^KI[0-9a-f]{32} message /m);
  });
});

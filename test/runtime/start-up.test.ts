// What a fresh Node process loads for the client: building one loads none of
// Node's networking modules; the first request to an http:// origin loads
// node:http and never TLS, which costs more than the rest of the SDK's
// start-up (bench measure b). The child takes the node:http wire whatever the
// test project, so this runs in the node-wire project only.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

let dir = "";
let script = "";
let server: TestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sdk-start-up-"));
  script = join(dir, "start-up.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./child/start-up.mts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: script,
    logLevel: "silent",
  });
  server = await startServer((_req, res) => json(res, 200, { sid: INTERACTION_SID }));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("start-up on Node", () => {
  it("loads node:http on the first request to an http:// origin, and never TLS", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script, server.url]);
    expect(JSON.parse(stdout.trim().split("\n").pop()!)).toEqual({
      atImport: [],
      afterClient: [],
      afterCall: ["http"],
      sid: INTERACTION_SID,
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /v1/Interactions/KD0123456789abcdef0123456789abcdef`,
    ]);
  });
});

// What a fresh Node process loads for the client: building one loads none of
// Node's networking modules; the first request to an http:// origin loads
// node:http and never TLS, which costs more than the rest of the SDK's
// start-up (bench measure b). The child takes the node:http wire whatever the
// test project, so this runs in the node-wire project only.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childScript } from "../helpers/child-script";
import { INTERACTION_SID } from "../helpers/fixtures";
import { type TestServer, json, startServer } from "../helpers/server";

const script = childScript(new URL("./child/start-up.mts", import.meta.url));
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, { sid: INTERACTION_SID }));
});
afterAll(() => server?.close());

describe("start-up on Node", () => {
  it("loads node:http on the first request to an http:// origin, and never TLS", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script.path, server.url]);
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

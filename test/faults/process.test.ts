// Whole processes against hostile servers, each in a child process so its
// fate and peak memory can be read: a body that never ends, or 200 MB of
// JSON, ends the call with a typed error while peak RSS stays under 200 MB
// (never an uncaught exception that kills the process); and a POST that
// failed because no file descriptor was left (EMFILE: it never left the
// machine) is retried and succeeds.
import { execFile } from "node:child_process";
import type { ServerResponse } from "node:http";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { childScript } from "../helpers/child-script";
import { type TestServer, json, startServer } from "../helpers/server";
import { INTERACTION } from "./fault-server";

const MB = 1_000_000;
const run = promisify(execFile);

const script = childScript(new URL("./child/call.mts", import.meta.url));

interface Outcome {
  data?: boolean;
  thrown?: string;
  message?: string;
  exhausted: boolean;
  maxRssBytes: number;
}

/** Runs child/call.mts against `server` over the wire of this test project; `limitFds` lowers its descriptor limit. */
async function child(server: TestServer, projectName: string, args: string[], limitFds?: number): Promise<Outcome> {
  expect(["node-wire", "fetch-wire"]).toContain(projectName);
  const wire = projectName === "node-wire" ? "node" : "fetch";
  const node = [process.execPath, script.path, server.url, wire, ...args];
  const { stdout } = limitFds
    ? await run("sh", ["-c", `ulimit -n ${limitFds} && exec "$@"`, "sh", ...node])
    : await run(node[0]!, node.slice(1));
  return JSON.parse(stdout.trim().split("\n").pop()!) as Outcome;
}

// Writes `chunk` while the client reads, up to `total` bytes (or forever), then `end`.
function stream(response: ServerResponse, start: string, chunk: string, total: number, end: string): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.write(start);
  let sent = start.length;
  const pump = () => {
    while (!response.destroyed && sent < total) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", pump);
    }
    if (!response.destroyed) response.end(end);
  };
  pump();
}

const PADDING = "x".repeat(64 * 1024);

describe.concurrent("a process reading a hostile body", () => {
  it.for([
    ["an endless body", Number.POSITIVE_INFINITY],
    ["200 MB of JSON", 200 * MB],
  ] as const)("%s: a TwilioResponseError, peak RSS under 200 MB", async ([, total], { task, expect }) => {
    const server = await startServer((_request, response) => stream(response, '{"padding":"', PADDING, total, '"}'));
    try {
      const outcome = await child(server, task.file.projectName ?? "", []);
      expect(outcome.thrown).toBe("TwilioResponseError");
      expect(outcome.message).toMatch(/ answered 200 with a body larger than maxResponseBytes \(16777216 bytes\);/);
      // About 120 MB on a quiet machine, up to 160 MB on a saturated one (collections run late). Reading
      // the body whole would pass 250 MB: Node's own 45 MB plus the 200 MB of text.
      expect(outcome.maxRssBytes).toBeLessThan(200 * MB);
    } finally {
      await server.close();
    }
  });
});

describe("a POST that found no file descriptor", () => {
  it("is retried (EMFILE means it was never sent) and succeeds once a descriptor is free", async ({ task }) => {
    const server = await startServer((_request, response) => json(response, 200, INTERACTION));
    try {
      const outcome = await child(server, task.file.projectName ?? "", ["exhaust-fds"], 128);
      expect(outcome).toMatchObject({ data: true, exhausted: true });
      expect(server.requests.map((r) => r.method)).toEqual(["POST"]);
    } finally {
      await server.close();
    }
  });
});

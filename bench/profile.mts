// Where a contender's CPU per request goes: runs the bench's CPU job under
// `node --cpu-prof` against the bench server and prints self time per
// request by library and by function. For the optimisation work, not part of
// `npm run bench`.
//
//   npx tsx bench/profile.mts [--contender=sdk] [--op=get] [--requests=10000] [--top=25]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CONTENDERS, type Contender, INSTALL_OF } from "./contenders.mts";
import { cleanEnv, run, shutdown } from "./processes.mts";
import type { Op } from "./protocol.mts";
import { startServer } from "./server-process.mts";
import { createWorkspaceRoot, prepareWorkspace } from "./workspace.mts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args } = parseArgs({
  options: {
    contender: { type: "string", default: "sdk" },
    op: { type: "string", default: "get" },
    requests: { type: "string", default: "10000" },
    top: { type: "string", default: "25" },
  },
});
const contender = args.contender as Contender;
if (!CONTENDERS.includes(contender)) throw new Error(`--contender takes ${CONTENDERS.join(", ")}`);
const op = args.op as Op;
const requests = Number(args.requests);

/** Which library a frame belongs to, by its script URL. */
function library(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.includes("/twilio-interactions/")) return "twilio-interactions";
  if (url.includes("/openapi-fetch/")) return "openapi-fetch";
  if (url.includes("/node_modules/")) return url.replace(/.*\/node_modules\/((@[^/]+\/)?[^/]+).*/, "$1");
  if (url.includes("undici")) return "undici (fetch)";
  if (url.startsWith("node:internal/streams") || url.startsWith("node:internal/webstreams")) return "node streams";
  if (url.startsWith("node:")) return `node ${url.replace(/^node:(internal\/)?/, "").split("/")[0]}`;
  return "bench runner";
}

function report(profile: Profile, perRequest: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const libraries = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const delta = profile.timeDeltas[index] ?? 0;
    const lib = library(url, functionName);
    const fn = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1} [${lib}]`;
    libraries.set(lib, (libraries.get(lib) ?? 0) + delta);
    functions.set(fn, (functions.get(fn) ?? 0) + delta);
  });
  const busy = [...libraries].filter(([lib]) => lib !== "(idle)").reduce((sum, [, us]) => sum + us, 0);
  const print = (title: string, entries: Map<string, number>, limit: number) => {
    console.log(`\n${title}`);
    for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      const share = name === "(idle)" ? "" : `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
      console.log(`${(us / perRequest).toFixed(1).padStart(8)} µs/req ${share.padStart(7)}  ${name}`);
    }
  };
  console.log(`${contender} ${op.toUpperCase()}: ${(busy / perRequest).toFixed(0)} µs of CPU samples per request`);
  print("Self time by library", libraries, 20);
  print("Self time by function", functions, Number(args.top));
}

try {
  const workspace = await prepareWorkspace(createWorkspaceRoot(false), console.log);
  const server = await startServer(workspace.server);
  const dir = join(workspace.root, "profile");
  const job = {
    mode: "cpu",
    contender,
    origin: server.origin,
    op,
    warmup: 200,
    requests,
    steadyAfter: 1200 + requests,
  };
  await run(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "runner.mjs", JSON.stringify(job)], {
    cwd: workspace[INSTALL_OF[contender]],
    env: cleanEnv(),
  });
  server.stop();
  const [file] = readdirSync(dir);
  report(JSON.parse(readFileSync(join(dir, file!), "utf8")) as Profile, job.steadyAfter + requests);
} finally {
  shutdown();
}

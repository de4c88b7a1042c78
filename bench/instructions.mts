// `npm run bench:instructions`: CPU per request as instructions counted by
// callgrind, which repeat to a fraction of a percent where wall-clock times
// on a shared machine wander by tens of percent. For the floor (raw node:http
// keep-alive, the bench's http contender), the path layer
// (twilio.flex.GET/POST) and the resource layer (twilio.flex.interactions…),
// and optionally for another checkout built the same way, it runs the
// measured process twice (W and W+N operations) against the bench's loopback
// keep-alive server and divides the difference by N: start-up, loading and
// warm-up cancel out. GETs and POSTs are counted apart. The default 1,500
// warm-up requests let the JIT settle (the steady state): after only 200, the
// figures still hold compilation and come out some 60 % higher, which is what
// `--warm=200` shows (the bench's short-lived measure).
//
//   npm run bench:instructions                            this checkout, N=2000 of each and one 50,000-record walk
//   npm run bench:instructions -- --against=/tmp/before   also a checkout of another commit, with its node_modules
//   npm run bench:instructions -- --requests=400 --no-paging   a quicker look
//   npm run bench:instructions -- --layers=floor,path          some of the layers only
//
// Needs valgrind (apt-get install valgrind). The server runs in its own
// process, which callgrind does not follow, so only the client is counted.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Layer, Operation } from "./instructions/child.mts";
import { bundleBenchScript, hasValgrind, instructionsPerOperation } from "./measures/instructions.mts";
import { removeAtExit, run } from "./processes.mts";
import { startServer } from "./server-process.mts";
import { REPO } from "./workspace.mts";

const { values: args } = parseArgs({
  options: {
    against: { type: "string" },
    requests: { type: "string", default: "2000" },
    warm: { type: "string", default: "1500" },
    "no-paging": { type: "boolean", default: false },
    layers: { type: "string", default: "floor,path,resources" },
    keep: { type: "boolean", default: false },
  },
});
const REQUESTS = Number(args.requests);
const WARM = Number(args.warm);
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

if (!hasValgrind()) {
  throw new Error("bench:instructions needs valgrind on PATH (Debian: apt-get install -y valgrind).");
}

const scratch = mkdtempSync(join(tmpdir(), "twilio-interactions-instructions-"));
if (!args.keep) removeAtExit(scratch);

interface Checkout {
  name: string;
  dir: string;
  child: string;
}

async function prepare(name: string, dir: string): Promise<Checkout> {
  console.log(`building ${name} (${dir})`);
  await run(NPM, ["run", "build"], { cwd: dir });
  const sdk = join(dir, "dist/index.mjs");
  if (!existsSync(sdk)) throw new Error(`${dir}: npm run build made no dist/index.mjs`);
  const child = join(scratch, `child-${name}.mjs`);
  await bundleBenchScript("instructions/child.mts", child, sdk);
  return { name, dir, child };
}

const checkouts = [await prepare("this", REPO)];
if (args.against) checkouts.push(await prepare("against", args.against));
const serverScript = join(scratch, "server.mjs");
await bundleBenchScript("server.mts", serverScript);
const server = await startServer(serverScript);
const perOperation = (checkout: Checkout, layer: Layer, operation: Operation, warm: number, count: number) =>
  instructionsPerOperation(checkout.child, server.origin, layer, operation, warm, count, scratch);

interface Row {
  checkout: string;
  layer: Layer;
  get: number | undefined;
  post: number | undefined;
  walk: number | undefined;
}
const rows: Row[] = [];
const fmt = (n: number | undefined) => (n === undefined ? "n/a" : Math.round(n).toLocaleString("en-US"));
const ratio = (n: number | undefined, floor: number | undefined) =>
  n === undefined || !floor ? "" : ` (${(n / floor).toFixed(2)}×)`;
const line = (row: Row, floor: Row | undefined) =>
  `| ${row.checkout} | ${row.layer} | ${fmt(row.get)}${ratio(row.get, floor?.get)} | ` +
  `${fmt(row.post)}${ratio(row.post, floor?.post)} | ${fmt(row.walk)}${ratio(row.walk, floor?.walk)} |`;
try {
  // The floor does not depend on the checkout: it is counted once, with the first checkout's child.
  const layers = new Set(args.layers.split(","));
  const plan: [Checkout, Layer][] = layers.has("floor") ? [[checkouts[0]!, "floor"]] : [];
  for (const checkout of checkouts) {
    for (const layer of ["path", "resources"] as const) if (layers.has(layer)) plan.push([checkout, layer]);
  }
  for (const [checkout, layer] of plan) {
    const row: Row = {
      checkout: layer === "floor" ? "node:http" : checkout.name,
      layer,
      get: await perOperation(checkout, layer, "get", WARM, REQUESTS),
      post: await perOperation(checkout, layer, "post", WARM, REQUESTS),
      walk: args["no-paging"] ? undefined : await perOperation(checkout, layer, "paginate", 1, 1),
    };
    rows.push(row);
    console.log(
      line(
        row,
        rows.find((r) => r.layer === "floor"),
      ),
    );
  }
} finally {
  server.stop();
}
console.log(
  `\nInstructions counted by callgrind; ${REQUESTS} requests of each kind after ${WARM} to warm up, one walk after one; ratios to the floor\n`,
);
console.log("| checkout | layer | per GET | per POST | per 50,000-record walk |");
console.log("| --- | --- | ---: | ---: | ---: |");
for (const row of rows)
  console.log(
    line(
      row,
      rows.find((r) => r.layer === "floor"),
    ),
  );

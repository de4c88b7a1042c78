// `npm run bench`: this SDK side by side with twilio-node, plain fetch, bare
// openapi-fetch and node:http, in one run, and bench/results.md (+ .svg,
// .json) from it. See bench/results.md for how each figure is taken.
//
//   npm run bench                       the full run (about 13 minutes)
//   npm run bench -- --quick            smoke test of the harness; writes to a temp directory
//   npm run bench -- --only=b,d         some measures only (a is always taken, except for --only=h); writes to a temp directory
//   npm run bench -- --out=DIR --keep   where results go; keep the scratch directory
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FULL_PLAN, MEASURES, type Measure, QUICK_PLAN } from "./config.mts";
import { measureBundle } from "./measures/bundle.mts";
import { measureEmulator } from "./measures/emulator.mts";
import { measureInstall } from "./measures/install.mts";
import { measureRuntime } from "./measures/runtime.mts";
import { measureOtherRuntimes } from "./measures/runtimes.mts";
import { measureTypecheck } from "./measures/typecheck.mts";
import { interrupted, shutdown } from "./processes.mts";
import { renderChart } from "./report/chart.mts";
import { renderMarkdown, targetsTable } from "./report/markdown.mts";
import { Results } from "./results.mts";
import { startServer } from "./server-process.mts";
import { REPO, createWorkspaceRoot, prepareWorkspace } from "./workspace.mts";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const measures = new Set<Measure>(args.only ? (args.only.split(",") as Measure[]) : MEASURES);
for (const measure of measures) if (!MEASURES.includes(measure)) throw new Error(`--only takes ${MEASURES.join(",")}`);
const partial = args.quick || measures.size < MEASURES.length;
// Only a full run may replace the committed results.
const outDir = args.out ?? (partial ? join(tmpdir(), "twilio-interactions-bench-results") : join(REPO, "bench"));
const plan = args.quick ? QUICK_PLAN : FULL_PLAN;

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function measureSdk(workspace: Awaited<ReturnType<typeof prepareWorkspace>>, results: Results): Promise<void> {
  if (args.keep) log(`scratch directory: ${workspace.root}`);
  measureInstall(workspace, results);
  log("(a) install footprint measured");

  const server = await startServer(workspace.server);
  try {
    await measureRuntime({ workspace, server, plan, results, log }, measures);
    if (measures.has("i")) await measureOtherRuntimes({ workspace, server, plan, results, log });
  } finally {
    server.stop();
  }
  if (measures.has("f")) {
    await measureTypecheck(workspace, plan.typecheckRuns, results);
    log("(f) type-check measured");
  }
  if (measures.has("g")) {
    await measureBundle(workspace, results);
    log("(g) bundles measured");
  }
}

async function main(): Promise<void> {
  const loadBefore = load();
  const results = new Results();
  // (h) needs no workspace: it runs the emulator from the sources beside Prism.
  const workspace = [...measures].some((m) => m !== "h")
    ? await prepareWorkspace(createWorkspaceRoot(args.keep), log)
    : undefined;
  if (workspace) await measureSdk(workspace, results);
  if (measures.has("h")) {
    await measureEmulator(plan.emulator, results, log);
    log("(h) emulator beside Prism measured");
  }

  const info = {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    machine: `Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    sdkVersion: workspace?.sdkVersion ?? "—",
    twilioVersion: workspace?.twilioVersion ?? "—",
    plan,
    quick: args.quick,
    seconds: (performance.now() - started) / 1000,
    loadBefore,
    loadAfter: load(),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "results.md"), renderMarkdown(results, info));
  writeFileSync(join(outDir, "results.svg"), renderChart(results));
  writeFileSync(
    join(outDir, "results.json"),
    `${JSON.stringify({ ...info, samples: results.samples, facts: results.facts }, null, 2)}\n`,
  );
  console.log(`\n${targetsTable(results)}\n`);
  log(`wrote ${join(outDir, "results.md")}`);
}

try {
  await main();
} catch (error) {
  if (!interrupted()) console.error(error);
  process.exitCode = 1;
} finally {
  shutdown();
}

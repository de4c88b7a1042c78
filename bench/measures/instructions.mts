// Instructions per request as callgrind counts them, which repeat to a
// fraction of a percent where CPU times on a shared machine wander by several
// percent. The measured process (bench/instructions/child.mts) runs twice,
// with W and W+N operations, and the difference divided by N is what one
// operation costs with start-up, loading and warm-up cancelled out. Used by
// `npm run bench:instructions`, and by `npm run bench` (d) for the resource
// methods beside the path layer, whose target is within 5 %.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import type { Layer, Operation } from "../instructions/child.mts";
import { cleanEnv, run } from "../processes.mts";
import { REPO } from "../workspace.mts";
import type { Context } from "./runtime.mts";

/** Whether valgrind is on PATH. */
export function hasValgrind(): boolean {
  return spawnSync("valgrind", ["--version"]).status === 0;
}

/** Bundles a bench script to `outfile`, with `twilio-interactions` pointing at `sdk` when given. */
export async function bundleBenchScript(entry: string, outfile: string, sdk?: string): Promise<void> {
  await build({
    entryPoints: [join(REPO, "bench", entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    alias: sdk ? { "twilio-interactions": sdk } : {},
    tsconfigRaw: "{}",
    logLevel: "error",
  });
}

/** Instructions of the whole measured process. */
async function instructions(child: string, args: string[], cwd: string): Promise<number> {
  const { stderr } = await run(
    "valgrind",
    ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, "--single-threaded", child, ...args],
    { cwd, env: cleanEnv(), timeoutMs: 1_800_000 },
  );
  const collected = /Collected : (\d+)/.exec(stderr);
  if (!collected) throw new Error(`callgrind printed no count:\n${stderr}`);
  return Number(collected[1]);
}

/**
 * Instructions per operation of `layer` (the child bundled by
 * bundleBenchScript("instructions/child.mts", …)) against the server at
 * `origin`: the difference of a run with `warm + count` operations and one
 * with `warm`, divided by `count`. Undefined when the child has no such layer.
 */
export async function instructionsPerOperation(
  child: string,
  origin: string,
  layer: Layer,
  operation: Operation,
  warm: number,
  count: number,
  cwd: string,
): Promise<number | undefined> {
  // A plain run first: it proves the layer exists in that build and that every answer checks out.
  const probe = spawnSync(process.execPath, [child, layer, operation, origin, "0", "1"], { encoding: "utf8" });
  if (probe.status !== 0) {
    console.log(`${child}: no ${layer} layer (${probe.stderr.trim().split("\n").at(-1)})`);
    return undefined;
  }
  const [base, more] = await Promise.all([
    instructions(child, [layer, operation, origin, String(warm), "0"], cwd),
    instructions(child, [layer, operation, origin, String(warm), String(count)], cwd),
  ]);
  return (more - base) / count;
}

/** The keys of (d)'s instruction counts: `instructions.get.short`, `instructions.post.steady`, … */
const instructionsKey = (operation: "get" | "post", phase: "short" | "steady") =>
  `instructions.${operation}.${phase}`;

/**
 * (d) in instructions: the path layer and the resource methods of the
 * packed build, per GET and per POST, after the short-lived measure's warm-up
 * and after a longer one (the JIT settled). Without valgrind it says so and
 * adds nothing.
 */
export async function measureLayerInstructions(ctx: Context, scratch: string): Promise<void> {
  const { plan, results, server, workspace, log } = ctx;
  if (!hasValgrind()) {
    log("(d) instructions: valgrind is not on PATH (Debian: apt-get install -y valgrind); not counted");
    return;
  }
  const child = join(scratch, "instructions-child.mjs");
  await bundleBenchScript(
    "instructions/child.mts",
    child,
    join(workspace.sdk, "node_modules/twilio-interactions/dist/index.mjs"),
  );
  // As many requests as (d) times, after its warm-up: the JIT's compiling in that window counts, as it does there.
  const requests = plan.requests;
  for (const [phase, warm] of [
    ["short", plan.warmup],
    ["steady", plan.instructionsSteadyWarmup],
  ] as const) {
    for (const operation of ["get", "post"] as const) {
      for (const [layer, contender] of [
        ["path", "sdk"],
        ["resources", "sdk-resources"],
      ] as const) {
        const count = await instructionsPerOperation(child, server.origin, layer, operation, warm, requests, scratch);
        if (count === undefined) throw new Error(`the packed build has no ${layer} layer`);
        results.add(instructionsKey(operation, phase), contender, count);
      }
    }
    log(`(d) instructions per request counted (${phase})`);
  }
}

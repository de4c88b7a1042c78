// (b) cold import, (c) first response, (d) CPU per request (and in
// instructions, for the resource methods beside the path layer) and (e)
// pagination: each run is a fresh process of runner.mjs, and the contenders
// take turns run by run (A, B, C, D, E, A, B, …) so that a noisy moment on the
// machine hits all of them rather than one. After each run the server's
// request count must have grown by exactly what the job sends.
import type { Measure, Plan } from "../config.mts";
import { CONTENDERS, type Contender, INSTALL_OF } from "../contenders.mts";
import { PAGES } from "../fixtures.mts";
import { cleanEnv, run } from "../processes.mts";
import type { Answer, Job, Op } from "../protocol.mts";
import type { Results } from "../results.mts";
import type { BenchServer } from "../server-process.mts";
import { measureLayerInstructions } from "./instructions.mts";
import type { Workspace } from "../workspace.mts";

export interface Context {
  workspace: Workspace;
  server: BenchServer;
  plan: Plan;
  results: Results;
  log: (line: string) => void;
}

/**
 * Runs one job in a fresh process and checks the server saw exactly the
 * requests it sends. `runtime` is the command that runs runner.mjs (default:
 * this Node), such as `["/path/to/bun"]` or `["/path/to/deno", "run", "-A"]`.
 */
export async function runJob<J extends Job>(
  ctx: Context,
  job: J,
  expectedRequests: number,
  runtime: string[] = [process.execPath],
): Promise<Answer<J>> {
  const cwd = ctx.workspace[INSTALL_OF[job.contender]];
  const before = await ctx.server.stats();
  const [command = process.execPath, ...flags] = runtime;
  const { stdout } = await run(command, [...flags, "runner.mjs", JSON.stringify(job)], {
    cwd,
    env: cleanEnv(),
    timeoutMs: 180_000,
  });
  const after = await ctx.server.stats();
  const sent = after.requests - before.requests;
  if (sent !== expectedRequests || after.rejected !== before.rejected) {
    throw new Error(
      `${job.contender} (${job.mode}) sent ${sent} requests, expected ${expectedRequests}; ` +
        `${after.rejected - before.rejected} were rejected by the server`,
    );
  }
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Answer<J>;
}

/** Runs `each` for every contender, `runs` times, interleaved. */
async function rounds(ctx: Context, what: string, runs: number, each: (c: Contender) => Promise<void>): Promise<void> {
  const started = performance.now();
  let logged = started;
  for (let round = 1; round <= runs; round++) {
    for (const contender of CONTENDERS) await each(contender);
    // A sign of life during the long measures, without a line per second during the short ones.
    if (round < runs && performance.now() - logged > 10_000) {
      ctx.log(`${what}: round ${round} of ${runs} done`);
      logged = performance.now();
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  ctx.log(`${what}: ${runs} runs × ${CONTENDERS.length} contenders in ${seconds} s`);
}

export async function measureRuntime(ctx: Context, measures: ReadonlySet<Measure>): Promise<void> {
  const { plan, results, server } = ctx;
  const origin = server.origin;
  if (measures.has("b")) {
    await rounds(ctx, "(b) cold import + client", plan.importRuns, async (contender) => {
      const { ms } = await runJob(ctx, { mode: "import", contender, origin }, 0);
      results.add("import.ms", contender, ms);
    });
  }
  if (measures.has("c")) {
    await rounds(ctx, "(c) start to first response", plan.firstRuns, async (contender) => {
      const { ms } = await runJob(ctx, { mode: "first", contender, origin }, 1);
      results.add("first.ms", contender, ms);
    });
  }
  if (measures.has("d")) {
    const { warmup, requests, steadyAfter } = plan;
    for (const op of ["get", "post"] satisfies Op[]) {
      await rounds(ctx, `(d) CPU per ${op.toUpperCase()}`, plan.cpuRuns, async (contender) => {
        const job = { mode: "cpu", contender, origin, op, warmup, requests, steadyAfter } as const;
        const { short, steady } = await runJob(ctx, job, steadyAfter + requests);
        results.add(`cpu.${op}.short`, contender, short.cpuUs);
        results.add(`cpu.${op}.steady`, contender, steady.cpuUs);
        results.add(`wall.${op}.short`, contender, short.wallUs);
        results.add(`wall.${op}.steady`, contender, steady.wallUs);
      });
    }
    await measureLayerInstructions(ctx, ctx.workspace.root);
  }
  if (measures.has("e")) {
    await rounds(ctx, "(e) pagination", plan.paginateRuns, async (contender) => {
      const answer = await runJob(ctx, { mode: "paginate", contender, origin }, PAGES);
      results.add("paginate.ms", contender, answer.ms);
      results.add("paginate.usPerRecord", contender, (answer.ms * 1000) / answer.records);
      results.add("paginate.rss", contender, answer.peakRssMB);
      results.add("paginate.cpuMs", contender, answer.cpuMs);
    });
  }
}

// (i) CPU per GET on Bun and Deno, for each wire: the SDK as it runs there
// (over the runtime's fetch), the SDK forced onto its node:http wire, and
// the bare transports under both (plain fetch, node:http with keep-alive).
// The SDK uses node:http only on Node; these figures show why. The same
// runner.mjs as (d), run by the pinned runtimes of `npm run test:runtimes`,
// steady state only.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { installRuntimes } from "../../scripts/runtimes/install.mts";
import { type Contender, LABELS } from "../contenders.mts";
import { type Context, runJob } from "./runtime.mts";

export const OTHER_RUNTIMES = ["bun", "deno"] as const;
type Runtime = (typeof OTHER_RUNTIMES)[number];

/** What (i) measures on each runtime: a contender, run with or without the preload that hides the runtime. */
interface Variant {
  name: string;
  label: string;
  contender: Contender;
  forceNodeWire: boolean;
}
export const RUNTIME_VARIANTS: Variant[] = [
  { name: "sdk", label: "twilio-interactions (default: fetch)", contender: "sdk", forceNodeWire: false },
  { name: "sdk-node-http", label: "twilio-interactions, node:http wire", contender: "sdk", forceNodeWire: true },
  { name: "fetch", label: LABELS.fetch, contender: "fetch", forceNodeWire: false },
  { name: "http", label: "node:http keep-alive", contender: "http", forceNodeWire: false },
];

/** The results key of (i) for a runtime. */
export const runtimeCpuKey = (runtime: Runtime) => `cpu.get.steady.${runtime}`;

// Loaded before runner.mjs: hides the marker by which the SDK recognises Bun
// (process.versions.bun) or Deno (Deno.version, as Deno's own Node layer
// needs the Deno global), so that the SDK takes its Node path there.
const HIDE_RUNTIME = `delete process.versions.bun;
if (globalThis.Deno) Object.defineProperty(globalThis.Deno, "version", { value: {} });
`;

export async function measureOtherRuntimes(ctx: Context): Promise<void> {
  const binaries = installRuntimes();
  const hide = join(ctx.workspace.sdk, "hide-runtime.mjs");
  writeFileSync(hide, HIDE_RUNTIME);
  const command = (runtime: Runtime, forceNodeWire: boolean) => {
    const preload = forceNodeWire ? ["--preload", hide] : [];
    // Deno's node:http and process.cpuUsage need more than --allow-net; the bench is not a permission test.
    return runtime === "bun" ? [binaries.bun, ...preload] : [binaries.deno, "run", "-A", ...preload];
  };
  const { warmup, requests, steadyAfter, cpuRuns } = ctx.plan;
  const origin = ctx.server.origin;
  for (const runtime of OTHER_RUNTIMES) {
    const started = performance.now();
    for (let round = 1; round <= cpuRuns; round++) {
      for (const { name, contender, forceNodeWire } of RUNTIME_VARIANTS) {
        const job = { mode: "cpu", contender, origin, op: "get", warmup, requests, steadyAfter } as const;
        const { steady } = await runJob(ctx, job, steadyAfter + requests, command(runtime, forceNodeWire));
        ctx.results.add(runtimeCpuKey(runtime), name, steady.cpuUs);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    ctx.log(`(i) CPU per GET on ${runtime}: ${cpuRuns} runs × ${RUNTIME_VARIANTS.length} in ${seconds} s`);
  }
}

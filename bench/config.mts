// How many runs and requests each measure takes. The full plan is what the
// issue asks for (and what results.md reports); `--quick` is a smoke test of
// the harness whose figures mean nothing.
import type { EmulatorPlan } from "./measures/emulator.mts";

export interface Plan {
  /** Fresh processes per contender for the cold import measure. */
  importRuns: number;
  /** Fresh processes per contender for process start to first response. */
  firstRuns: number;
  /** Fresh processes per contender and operation for CPU per request. */
  cpuRuns: number;
  /** Requests before the short-lived measurement. */
  warmup: number;
  /** Requests measured, short-lived and again in the steady state. */
  requests: number;
  /** Requests made in all before the steady-state measurement. */
  steadyAfter: number;
  /** Fresh processes per contender for the pagination measure. */
  paginateRuns: number;
  /** Runs of each type-check (consumer and baseline). */
  typecheckRuns: number;
  /** (d) in instructions (callgrind): the warm-up before the steady-state count (the short-lived one uses `warmup`). */
  instructionsSteadyWarmup: number;
  /** Requests and interactions for the emulator beside Prism (h). */
  emulator: EmulatorPlan;
}

export const FULL_PLAN: Plan = {
  importRuns: 11,
  firstRuns: 11,
  cpuRuns: 5,
  warmup: 200,
  requests: 2000,
  steadyAfter: 10_000,
  paginateRuns: 5,
  typecheckRuns: 5,
  instructionsSteadyWarmup: 1500,
  emulator: { prismRequests: 2000, httpRequests: 40_000, inProcessRequests: 100_000, interactions: 100_000 },
};

export const QUICK_PLAN: Plan = {
  importRuns: 2,
  firstRuns: 2,
  cpuRuns: 1,
  warmup: 20,
  requests: 100,
  steadyAfter: 300,
  paginateRuns: 1,
  typecheckRuns: 1,
  instructionsSteadyWarmup: 40,
  emulator: { prismRequests: 200, httpRequests: 2000, inProcessRequests: 2000, interactions: 2000 },
};

/** The seven measures of the SDK's issue, by letter, (h) the emulator beside Prism and (i) CPU per GET on Bun and Deno. */
export const MEASURES = ["a", "b", "c", "d", "e", "f", "g", "h", "i"] as const;
export type Measure = (typeof MEASURES)[number];

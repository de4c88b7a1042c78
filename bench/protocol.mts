// What the bench asks of a measured process (one JSON argument) and what the
// process answers (one JSON line on stdout).
import type { Contender } from "./contenders.mts";

export type Job =
  /** Time to import the library and build a client. */
  | { mode: "import"; contender: Contender; origin: string }
  /** Time from process start to the parsed answer of one GET. */
  | { mode: "first"; contender: Contender; origin: string }
  /**
   * CPU per request of `op`: `requests` measured after `warmup`, then again
   * once `steadyAfter` requests have been made in all.
   */
  | { mode: "cpu"; contender: Contender; origin: string; op: Op; warmup: number; requests: number; steadyAfter: number }
  /** Every record of the channel list, through the contender's paginator. */
  | { mode: "paginate"; contender: Contender; origin: string };

export type Op = "get" | "post";

export interface PerRequest {
  /** User + system CPU microseconds per request. */
  cpuUs: number;
  /** Wall-clock microseconds per request. */
  wallUs: number;
}

export interface Answers {
  import: { ms: number };
  first: { ms: number };
  cpu: { short: PerRequest; steady: PerRequest };
  paginate: { ms: number; records: number; peakRssMB: number; cpuMs: number };
}

export type Answer<J extends Job> = Answers[J["mode"]];

// Every figure the bench reports, with its unit and the issues' target for
// this SDK: a ratio to the transport floor's (raw node:http) or to
// twilio-node's figure from the same run, or a figure of its own.
import type { Measure } from "./config.mts";

export interface Metric {
  key: string;
  measure: Measure;
  label: string;
  unit: string;
  /** Decimal places shown. */
  digits: number;
  /** What this SDK's figure must stay at or under; every part given must hold. */
  target?: Target;
  /** The resource methods' figure must be at most this × the path layer's. */
  resources?: number;
  /** Shown in the targets table even without a target of its own. */
  listed?: boolean;
  /** How the ratio is taken when it is not simply median ÷ median. */
  note?: string;
}

export interface Target {
  /** At most this × the floor's (raw node:http keep-alive) figure. */
  floor?: number;
  /** At most this × twilio-node's figure. */
  twilio?: number;
  /** At most this, in the metric's unit. */
  max?: number;
}

export const METRICS: Metric[] = [
  {
    key: "install.bytes",
    measure: "a",
    label: "Install size (production deps)",
    unit: "kB",
    digits: 0,
    target: { max: 650, twilio: 0.03 },
  },
  { key: "install.packages", measure: "a", label: "Installed packages", unit: "packages", digits: 0 },
  { key: "import.ms", measure: "b", label: "Cold import + client", unit: "ms", digits: 1, target: { twilio: 0.15 } },
  {
    key: "first.ms",
    measure: "c",
    label: "Process start to first response",
    unit: "ms",
    digits: 1,
    target: { twilio: 0.75 },
  },
  {
    key: "cpu.get.short",
    measure: "d",
    label: "CPU per GET (short-lived)",
    unit: "µs",
    digits: 0,
    target: { floor: 1.25 },
  },
  {
    key: "cpu.post.short",
    measure: "d",
    label: "CPU per POST (short-lived)",
    unit: "µs",
    digits: 0,
    target: { floor: 1.25 },
  },
  {
    key: "cpu.get.steady",
    measure: "d",
    label: "CPU per GET (steady state)",
    unit: "µs",
    digits: 0,
    target: { floor: 1.25 },
  },
  {
    key: "cpu.post.steady",
    measure: "d",
    label: "CPU per POST (steady state)",
    unit: "µs",
    digits: 0,
    target: { floor: 1.25 },
  },
  {
    key: "instructions.get.short",
    measure: "d",
    label: "Instructions per GET (short-lived)",
    unit: "instructions",
    digits: 0,
    listed: true,
    resources: 1.05,
    note: "callgrind's count for the whole client process making N requests after W, minus the same process making W only, divided by N (one pair of runs per layer and method; such counts repeat within about 1 %). The resource methods' target is judged on these counts, since CPU times on a shared machine wander by more than the 5 % asked",
  },
  {
    key: "instructions.post.short",
    measure: "d",
    label: "Instructions per POST (short-lived)",
    unit: "instructions",
    digits: 0,
    listed: true,
    resources: 1.05,
  },
  {
    key: "instructions.get.steady",
    measure: "d",
    label: "Instructions per GET (steady state)",
    unit: "instructions",
    digits: 0,
    listed: true,
    resources: 1.05,
  },
  {
    key: "instructions.post.steady",
    measure: "d",
    label: "Instructions per POST (steady state)",
    unit: "instructions",
    digits: 0,
    listed: true,
    resources: 1.05,
  },
  {
    key: "paginate.ms",
    measure: "e",
    label: "50,000 records: wall time",
    unit: "ms",
    digits: 0,
    target: { floor: 1.1 },
  },
  { key: "paginate.usPerRecord", measure: "e", label: "50,000 records: per record", unit: "µs", digits: 2 },
  {
    key: "paginate.rss",
    measure: "e",
    label: "50,000 records: peak RSS",
    unit: "MB",
    digits: 1,
    target: { floor: 1.1 },
  },
  {
    key: "typecheck.ms",
    measure: "f",
    label: "Type-check time added",
    unit: "ms",
    digits: 0,
    target: { twilio: 0.2 },
    note: "tsc's own total time for a 10-line consumer minus the same program without an SDK, paired run by run",
  },
  { key: "typecheck.wallMs", measure: "f", label: "Type-check time added, whole tsc process", unit: "ms", digits: 0 },
  {
    key: "bundle.gzip",
    measure: "g",
    label: "Bundle, one Flex call, minified + gzipped",
    unit: "kB",
    digits: 1,
    target: { max: 12 },
    note: "this SDK built for the browser; twilio-node cannot be, so its figure is its Node build",
  },
  { key: "bundle.minified", measure: "g", label: "Bundle, one Flex call, minified", unit: "kB", digits: 1 },
  // This SDK only: one Proxy call, and one call of each API.
  {
    key: "bundle.proxy.gzip",
    measure: "g",
    label: "Bundle, one Proxy call, minified + gzipped",
    unit: "kB",
    digits: 1,
    listed: true,
  },
  { key: "bundle.proxy.minified", measure: "g", label: "Bundle, one Proxy call, minified", unit: "kB", digits: 1 },
  {
    key: "bundle.both.gzip",
    measure: "g",
    label: "Bundle, one call of each API, minified + gzipped",
    unit: "kB",
    digits: 1,
    listed: true,
  },
  { key: "bundle.both.minified", measure: "g", label: "Bundle, one call of each API, minified", unit: "kB", digits: 1 },
];

/** A check that is passed or not rather than measured. */
export interface Fact {
  label: string;
  values: Partial<Record<string, string>>;
  /** Whether this SDK meets the target, and the target in words; none for a figure shown to read another by. */
  target?: { text: string; met: boolean };
}

// Every figure the bench reports, with its unit and the target for
// this SDK, which is always a ratio to twilio-node's figure from the same run.
import type { Measure } from "./config.mts";

export interface Metric {
  key: string;
  measure: Measure;
  label: string;
  unit: string;
  /** Decimal places shown. */
  digits: number;
  /** This SDK's figure must be at most `max` × twilio-node's. */
  target?: { max: number };
  /** How the ratio is taken when it is not simply median ÷ median. */
  note?: string;
}

export const METRICS: Metric[] = [
  {
    key: "install.bytes",
    measure: "a",
    label: "Install size (production deps)",
    unit: "kB",
    digits: 0,
    target: { max: 0.02 },
  },
  { key: "install.packages", measure: "a", label: "Installed packages", unit: "packages", digits: 0 },
  { key: "import.ms", measure: "b", label: "Cold import + client", unit: "ms", digits: 1, target: { max: 0.15 } },
  {
    key: "first.ms",
    measure: "c",
    label: "Process start to first response",
    unit: "ms",
    digits: 1,
    target: { max: 0.75 },
  },
  {
    key: "cpu.get.short",
    measure: "d",
    label: "CPU per GET (short-lived)",
    unit: "µs",
    digits: 0,
    target: { max: 0.8 },
  },
  {
    key: "cpu.post.short",
    measure: "d",
    label: "CPU per POST (short-lived)",
    unit: "µs",
    digits: 0,
    target: { max: 0.8 },
  },
  {
    key: "cpu.get.steady",
    measure: "d",
    label: "CPU per GET (steady state)",
    unit: "µs",
    digits: 0,
    target: { max: 0.8 },
  },
  {
    key: "cpu.post.steady",
    measure: "d",
    label: "CPU per POST (steady state)",
    unit: "µs",
    digits: 0,
    target: { max: 0.8 },
  },
  { key: "paginate.ms", measure: "e", label: "50,000 records: wall time", unit: "ms", digits: 0, target: { max: 0.8 } },
  { key: "paginate.usPerRecord", measure: "e", label: "50,000 records: per record", unit: "µs", digits: 2 },
  { key: "paginate.rss", measure: "e", label: "50,000 records: peak RSS", unit: "MB", digits: 1, target: { max: 0.7 } },
  {
    key: "typecheck.ms",
    measure: "f",
    label: "Type-check time added",
    unit: "ms",
    digits: 0,
    target: { max: 0.2 },
    note: "tsc's own total time for a 10-line consumer minus the same program without an SDK, paired run by run",
  },
  { key: "typecheck.wallMs", measure: "f", label: "Type-check time added, whole tsc process", unit: "ms", digits: 0 },
  {
    key: "bundle.gzip",
    measure: "g",
    label: "Bundle, minified + gzipped",
    unit: "kB",
    digits: 1,
    target: { max: 0.02 },
    note: "this SDK built for the browser; twilio-node cannot be, so its figure is its Node build",
  },
  { key: "bundle.minified", measure: "g", label: "Bundle, minified", unit: "kB", digits: 1 },
];

/** A check that is passed or not rather than measured. */
export interface Fact {
  label: string;
  values: Partial<Record<string, string>>;
  /** Whether this SDK meets the target, and the target in words. */
  target: { text: string; met: boolean };
}

// Compares two parity reports: the same scenarios and steps, the same
// requests answered with the same statuses and Twilio error codes, the same
// answer shapes (fields, types, enum values) and the same state transitions.
// Timings, repeat counts of polling, SDK versions and the cleanup are not
// differences; nor are 429 answers, which say how busy the account was.
import type { Exchange, Shape, StepRecord } from "./recorder.mts";
import type { ParityReport } from "./report.mts";

export type DifferenceKind = "scenario" | "step" | "request" | "status" | "shape" | "transition";

export interface Difference {
  kind: DifferenceKind;
  /** Scenario › step › operation, as far as it applies. */
  where: string;
  detail: string;
}

const list = (values: readonly string[] | undefined) => (values?.length ? values.join(" | ") : "(none)");

function compareShapes(a: Shape, b: Shape, where: string, what: string, out: Difference[]): void {
  for (const path of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[path];
    const right = b[path];
    if (!left || !right) {
      out.push({
        kind: "shape",
        where,
        detail: `${what} field \`${path}\` only in ${left ? "the first" : "the second"}`,
      });
      continue;
    }
    if (list(left.types) !== list(right.types))
      out.push({
        kind: "shape",
        where,
        detail: `${what} \`${path}\` types ${list(left.types)} vs ${list(right.types)}`,
      });
    if (list(left.values) !== list(right.values))
      out.push({
        kind: "shape",
        where,
        detail: `${what} \`${path}\` values ${list(left.values)} vs ${list(right.values)}`,
      });
  }
}

const outcome = (e: Exchange) => `${e.status}${e.errorCode === undefined ? "" : ` (error ${e.errorCode})`}`;

function compareExchanges(a: Exchange[], b: Exchange[], where: string, out: Difference[]): void {
  const left = a.filter((e) => e.status !== 429);
  const right = b.filter((e) => e.status !== 429);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (!x || !y) {
      const only = (x ?? y)!;
      out.push({
        kind: "request",
        where,
        detail: `request ${i + 1} (${only.method} ${only.path}) only in ${x ? "the first" : "the second"}`,
      });
      continue;
    }
    const at = `${where} › ${x.operation}`;
    if (x.operation !== y.operation || x.path !== y.path) {
      out.push({ kind: "request", where, detail: `request ${i + 1}: ${x.method} ${x.path} vs ${y.method} ${y.path}` });
      continue;
    }
    if (outcome(x) !== outcome(y)) out.push({ kind: "status", where: at, detail: `${outcome(x)} vs ${outcome(y)}` });
    compareShapes(x.params, y.params, at, "sent", out);
    compareShapes(x.response, y.response, at, "answer", out);
  }
}

// A step whose requests ran side by side is compared as the set of its distinct exchanges and transitions.
function exchangesOf(step: StepRecord): Exchange[] {
  if (!step.concurrent) return step.exchanges;
  const distinct = new Map(step.exchanges.map((e) => [JSON.stringify({ ...e, count: 1 }), { ...e, count: 1 }]));
  return [...distinct.keys()].sort().map((key) => distinct.get(key)!);
}

function transitionText(step: StepRecord): string {
  const moves = step.transitions.map((t) => `${t.entity} ${t.from ?? "(new)"} → ${t.to}`);
  return (step.concurrent ? [...new Set(moves)].sort() : moves).join(", ") || "(none)";
}

function errorText(step: StepRecord): string {
  return step.error
    ? [step.error.name, step.error.status, step.error.code].filter((x) => x !== undefined).join(" ")
    : "none";
}

function compareSteps(a: StepRecord[], b: StepRecord[], scenario: string, out: Difference[]): void {
  const names = new Set([...a.map((s) => s.name), ...b.map((s) => s.name)]);
  for (const name of names) {
    const x = a.find((s) => s.name === name);
    const y = b.find((s) => s.name === name);
    const where = `${scenario} › ${name}`;
    if (!x || !y) {
      out.push({ kind: "step", where, detail: `ran only in ${x ? "the first" : "the second"}` });
      continue;
    }
    if (x.ok !== y.ok || errorText(x) !== errorText(y))
      out.push({
        kind: "status",
        where,
        detail: `${x.ok ? "ok" : "failed"} (error ${errorText(x)}) vs ${y.ok ? "ok" : "failed"} (error ${errorText(y)})`,
      });
    compareExchanges(exchangesOf(x), exchangesOf(y), where, out);
    if (transitionText(x) !== transitionText(y))
      out.push({ kind: "transition", where, detail: `${transitionText(x)} vs ${transitionText(y)}` });
  }
}

/**
 * Every difference between two reports, in report order.
 *
 * @example
 * ```ts
 * const differences = compareReports(emulatorReport, twilioReport);
 * if (differences.length) console.log(formatDifferences(differences));
 * ```
 */
export function compareReports(a: ParityReport, b: ParityReport): Difference[] {
  const out: Difference[] = [];
  const names = new Set([...a.scenarios.map((s) => s.name), ...b.scenarios.map((s) => s.name)]);
  for (const name of names) {
    const x = a.scenarios.find((s) => s.name === name);
    const y = b.scenarios.find((s) => s.name === name);
    if (!x || !y) out.push({ kind: "scenario", where: name, detail: `ran only in ${x ? "the first" : "the second"}` });
    else compareSteps(x.steps, y.steps, name, out);
  }
  return out;
}

/** The differences as lines for a terminal, grouped by kind. */
export function formatDifferences(differences: readonly Difference[]): string {
  const lines: string[] = [];
  for (const kind of ["scenario", "step", "request", "status", "shape", "transition"] as const) {
    const group = differences.filter((d) => d.kind === kind);
    if (!group.length) continue;
    lines.push(`${kind} (${group.length}):`);
    for (const d of group) lines.push(`  ${d.where}: ${d.detail}`);
  }
  return lines.join("\n");
}

// Runs `redocly lint` on every API and counts warnings as failures: the
// project keeps its descriptions at zero errors and zero warnings.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./apis.mts";

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { source: { ref: string }; pointer: string }[];
}

export interface LintResult {
  ok: boolean;
  report: string;
}

export function lintSpec(): Promise<LintResult> {
  const cli = join(repoRoot, "node_modules/@redocly/cli/bin/cli.js");
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cli, "lint", "--format=json"],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
      (_error, stdout, stderr) => {
        let problems: LintProblem[];
        try {
          // One pretty-printed report per API, back to back: split at the
          // top-level closing brace, the only one in column 0.
          const reports = stdout.trim().split(/(?<=\n\})\s*(?=\{)/);
          problems = reports.flatMap((report) => (JSON.parse(report) as { problems: LintProblem[] }).problems);
          if (reports.length === 0 || !stdout.trim()) throw new Error("empty report");
        } catch {
          done({ ok: false, report: `redocly lint did not produce a report:\n${stderr}` });
          return;
        }
        const lines = problems.map((p) => {
          const at = p.location[0];
          const where = at ? `${at.source.ref.replace(repoRoot, "")}${at.pointer}` : "?";
          return `${p.severity === "error" ? "error" : "warning"} ${p.ruleId}: ${p.message}\n  at ${where}`;
        });
        const errors = problems.filter((p) => p.severity === "error").length;
        const summary = `${errors} errors, ${problems.length - errors} warnings`;
        done({ ok: problems.length === 0, report: [...lines, summary].join("\n") });
      },
    );
  });
}

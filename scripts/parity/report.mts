// The parity report: what one run against one target did, step by step, as
// JSON (for `npm run parity:compare`) and as Markdown (for people).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CleanupSummary } from "./cleanup.mts";
import type { Exchange, Shape, StepRecord } from "./recorder.mts";

export const REPORT_FORMAT = "twilio-interactions-parity/1";

export interface ScenarioRecord {
  name: string;
  ok: boolean;
  /** Milliseconds from the create answer until the channel was active. */
  setupMs?: number;
  steps: StepRecord[];
}

export interface ParityReport {
  format: typeof REPORT_FORMAT;
  target: "emulator" | "twilio";
  sdkVersion: string;
  startedAt: string;
  /** True when SIGINT stopped the run before its end. */
  interrupted: boolean;
  scenarios: ScenarioRecord[];
  cleanup: CleanupSummary;
}

function shapeLines(shape: Shape): string[] {
  return Object.entries(shape).map(
    ([path, field]) =>
      `\`${path}\`: ${field.types.join(" | ")}${field.values ? ` (${field.values.map((v) => `\`${v}\``).join(", ")})` : ""}`,
  );
}

function exchangeLines(exchange: Exchange): string[] {
  const repeat = exchange.count > 1 ? ` ×${exchange.count}` : "";
  const code = exchange.errorCode === undefined ? "" : ` (error ${exchange.errorCode})`;
  const lines = [
    `- \`${exchange.method} ${exchange.path}\` ${exchange.operation} → **${exchange.status}**${code}${repeat}`,
  ];
  const params = shapeLines(exchange.params);
  if (params.length) lines.push(`  - sent: ${params.join("; ")}`);
  const response = shapeLines(exchange.response);
  if (response.length) lines.push(`  - answer: ${response.join("; ")}`);
  return lines;
}

/** The report as Markdown. */
export function toMarkdown(report: ParityReport): string {
  const lines = [
    `# Parity report: ${report.target}`,
    "",
    `twilio-interactions ${report.sdkVersion}, started ${report.startedAt}${report.interrupted ? ", **interrupted**" : ""}.`,
    "",
  ];
  for (const scenario of report.scenarios) {
    const setup = scenario.setupMs === undefined ? "" : ` (channel setup ${scenario.setupMs} ms)`;
    lines.push(`## ${scenario.ok ? "✓" : "✗"} ${scenario.name}${setup}`, "");
    for (const step of scenario.steps) {
      const refusal = step.expectsRefusal ? " (probes a refusal)" : "";
      const error = step.error
        ? `: ${[step.error.name, step.error.status, step.error.code && `error ${step.error.code}`].filter(Boolean).join(", ")}`
        : "";
      lines.push(`### ${step.ok ? "✓" : "✗"} ${step.name}${refusal}${error}`, "", `${step.durationMs} ms.`, "");
      for (const exchange of step.exchanges) lines.push(...exchangeLines(exchange));
      if (step.transitions.length) {
        const moves = step.transitions.map((t) => `${t.entity} ${t.from ?? "(new)"} → ${t.to}`);
        lines.push("", `Transitions: ${moves.join(", ")}.`);
      }
      lines.push("");
    }
  }
  const { closedChannels, deletedWebhooks, left } = report.cleanup;
  lines.push("## Cleanup", "", `Closed ${closedChannels} channel(s), deleted ${deletedWebhooks} webhook(s).`);
  for (const item of left) lines.push(`- **Left behind:** ${item}`);
  return `${lines.join("\n")}\n`;
}

/** Writes `<dir>/<target>.json` and `<dir>/<target>.md`; returns their paths. */
export async function writeReport(report: ParityReport, dir: string): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${report.target}.json`);
  const markdown = join(dir, `${report.target}.md`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, toMarkdown(report));
  return { json, markdown };
}

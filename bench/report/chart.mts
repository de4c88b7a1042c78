// The SVG bar chart of results.md: for every figure with a target, this SDK's
// ratio to twilio-node (green when it meets the target, red when not), the
// baseline contenders' ratios as thin bars, the target as a tick and
// twilio-node itself as the dashed 1× line. A target set against the floor or
// as a figure of its own is drawn where it falls in this run's ratios to
// twilio-node. Log scale: ratios span 0.001–2.
import { CONTENDERS, LABELS, REFERENCE } from "../contenders.mts";
import { METRICS, type Metric } from "../metrics.mts";
import type { Results } from "../results.mts";
import { targetText } from "./markdown.mts";

const WIDTH = 900;
const LEFT = 290;
const RIGHT = 70;
const TOP = 56;
const ROW = 40;
const COLORS: Record<string, string> = {
  "sdk-resources": "#5fa37a",
  fetch: "#8fa8c8",
  "openapi-fetch": "#b59fd0",
  http: "#9a9a9a",
};
const MET = "#2e9e5b";
const MISSED = "#d0453b";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function formatRatio(ratio: number): string {
  return ratio >= 0.1 ? `${ratio.toFixed(2)}×` : `${ratio.toPrecision(2)}×`;
}

// The target as a ratio to twilio-node's figure in this run.
function targetRatio(results: Results, metric: Metric): number {
  return results.limit(metric)! / results.summary(metric.key, REFERENCE)!.median;
}

export function renderChart(results: Results): string {
  const rows = METRICS.filter(
    (metric) => results.limit(metric) !== undefined && results.ratio(metric.key, "sdk") !== undefined,
  );
  const ratios = rows
    .flatMap((m) => CONTENDERS.map((c) => results.ratio(m.key, c) ?? 1))
    .concat(rows.map((m) => targetRatio(results, m)));
  const low = 10 ** Math.floor(Math.log10(Math.min(...ratios) / 1.5));
  const high = 10 ** Math.ceil(Math.log10(Math.max(2, ...ratios)));
  const plot = WIDTH - LEFT - RIGHT;
  const x = (ratio: number) => LEFT + (plot * Math.log10(Math.max(ratio, low) / low)) / Math.log10(high / low);
  const height = TOP + rows.length * ROW + 40;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="18" font-size="14" font-weight="bold">twilio-interactions ÷ twilio-node, same run (log scale; lower is better; black tick: target)</text>`,
  ];
  // Legend.
  let legendX = 16;
  for (const [label, color] of [
    ["this SDK, target met", MET],
    ["not met", MISSED],
    ...Object.entries(COLORS).map(([c, color]) => [LABELS[c as keyof typeof LABELS], color]),
  ] as [string, string][]) {
    out.push(`<rect x="${legendX}" y="28" width="10" height="10" fill="${color}"/>`);
    out.push(`<text x="${legendX + 14}" y="37">${escape(label)}</text>`);
    legendX += 24 + label.length * 6.2;
  }
  // Grid: one line per power of ten, the 1× line dashed.
  for (let tick = low; tick <= high * 1.0001; tick *= 10) {
    out.push(`<line x1="${x(tick)}" y1="${TOP - 6}" x2="${x(tick)}" y2="${height - 30}" stroke="#ddd"/>`);
    out.push(
      `<text x="${x(tick)}" y="${height - 14}" text-anchor="middle" fill="#555">${tick >= 1 ? tick : tick.toPrecision(1)}×</text>`,
    );
  }
  out.push(
    `<line x1="${x(1)}" y1="${TOP - 6}" x2="${x(1)}" y2="${height - 30}" stroke="#333" stroke-dasharray="4 3"/>`,
  );
  rows.forEach((metric, index) => {
    const top = TOP + index * ROW;
    const ratio = results.ratio(metric.key, "sdk")!;
    const met = results.met(metric, "sdk")!;
    out.push(`<text x="${LEFT - 8}" y="${top + 14}" text-anchor="end">${escape(metric.label)}</text>`);
    out.push(`<rect x="${LEFT}" y="${top + 3}" width="${x(ratio) - LEFT}" height="14" fill="${met ? MET : MISSED}"/>`);
    out.push(
      `<text x="${x(ratio) + 4}" y="${top + 14}" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">${formatRatio(ratio)}</text>`,
    );
    let barTop = top + 20;
    for (const contender of Object.keys(COLORS)) {
      const other = results.ratio(metric.key, contender);
      if (other === undefined) continue;
      out.push(`<rect x="${LEFT}" y="${barTop}" width="${x(other) - LEFT}" height="4" fill="${COLORS[contender]}"/>`);
      barTop += 5;
    }
    const target = x(targetRatio(results, metric));
    out.push(`<line x1="${target}" y1="${top}" x2="${target}" y2="${top + 36}" stroke="#000" stroke-width="2"/>`);
    out.push(
      `<text x="${LEFT - 8}" y="${top + 28}" text-anchor="end" fill="#666" font-size="10">target ${escape(targetText(metric))}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

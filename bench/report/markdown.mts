// results.md: the targets table (what the README shows), the chart, every
// figure of every contender, and how each figure is taken.
import type { Plan } from "../config.mts";
import { CONTENDERS, FLOOR, LABELS, REFERENCE } from "../contenders.mts";
import { METRICS, type Metric } from "../metrics.mts";
import type { Results, Summary } from "../results.mts";
import { OTHER_RUNTIMES, RUNTIME_VARIANTS, runtimeCpuKey } from "../measures/runtimes.mts";

export interface RunInfo {
  date: string;
  machine: string;
  sdkVersion: string;
  twilioVersion: string;
  plan: Plan;
  quick: boolean;
  seconds: number;
  loadBefore: string;
  loadAfter: string;
}

function number(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function figure(summary: Summary | undefined, metric: Metric): string {
  return summary ? `${number(summary.median, metric.digits)} ${metric.unit}` : "—";
}

function ratio(value: number | undefined): string {
  if (value === undefined) return "—";
  return value >= 0.1 ? `${value.toFixed(2)}×` : `${value.toPrecision(2)}×`;
}

function status(met: boolean | undefined): string {
  return met === undefined ? "—" : met ? "✅ met" : "❌ not met";
}

/** A metric's target in words, such as "≤ 1.25× floor" or "≤ 650 kB and ≤ 0.03× twilio-node". */
export function targetText(metric: Metric): string {
  const { target } = metric;
  if (!target) return "";
  const parts: string[] = [];
  if (target.max !== undefined) parts.push(`≤ ${number(target.max, 0)} ${metric.unit}`);
  if (target.floor !== undefined) parts.push(`≤ ${target.floor}× floor`);
  if (target.twilio !== undefined) parts.push(`≤ ${target.twilio}× twilio-node`);
  return parts.join(" and ");
}

/**
 * The table of targets: this SDK beside the floor (raw node:http) and
 * twilio-node, figure by figure, with each target and whether it is met.
 */
export function targetsTable(results: Results): string {
  const lines = [
    "| Measure | twilio-interactions | Floor (node:http) | × floor | twilio-node | × twilio-node | Target | Status |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const metric of METRICS.filter((m) => m.target || m.listed)) {
    const sdk = results.summary(metric.key, "sdk");
    if (!sdk) continue;
    const floor = results.summary(metric.key, FLOOR);
    const twilio = results.summary(metric.key, REFERENCE);
    lines.push(
      `| ${metric.label} | ${figure(sdk, metric)} | ${figure(floor, metric)} | ${ratio(results.ratio(metric.key, "sdk", FLOOR))} | ${figure(twilio, metric)} | ${ratio(results.ratio(metric.key, "sdk"))} | ${targetText(metric)} | ${status(results.met(metric, "sdk"))} |`,
    );
    const resources = results.summary(metric.key, "sdk-resources");
    if (metric.resources !== undefined && resources) {
      const layers = results.ratio(metric.key, "sdk-resources", "sdk");
      lines.push(
        `| ${metric.label}, resource methods beside the path layer | ${figure(resources, metric)} (${ratio(layers)}) | | ${ratio(results.ratio(metric.key, "sdk-resources", FLOOR))} | | ${ratio(results.ratio(metric.key, "sdk-resources"))} | ≤ ${metric.resources}× path layer | ${status(layers === undefined ? undefined : layers <= metric.resources)} |`,
      );
    }
  }
  for (const fact of results.facts) {
    lines.push(
      `| ${fact.label} | ${fact.values.sdk ?? "—"} | | | ${fact.values[REFERENCE] ?? "—"} | | ${fact.target?.text ?? ""} | ${status(fact.target?.met)} |`,
    );
  }
  return lines.join("\n");
}

function allFigures(results: Results): string {
  const lines = [
    "| Measure | Contender | Median | Min | Max | Runs | × twilio-node |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const metric of METRICS) {
    for (const contender of CONTENDERS) {
      const summary = results.summary(metric.key, contender);
      if (!summary) continue;
      const { digits, unit } = metric;
      lines.push(
        `| ${metric.label} (${unit}) | ${LABELS[contender]} | ${number(summary.median, digits)} | ${number(summary.min, digits)} | ${number(summary.max, digits)} | ${summary.runs} | ${ratio(results.ratio(metric.key, contender))} |`,
      );
    }
  }
  return lines.join("\n");
}

/** (i): CPU per GET on Bun and Deno, each contender against plain fetch on the same runtime. */
function runtimesTable(results: Results): string {
  const lines = [
    "| Runtime | Contender | CPU per GET (median) | Min | Max | Runs | × plain fetch |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const runtime of OTHER_RUNTIMES) {
    const key = runtimeCpuKey(runtime);
    const fetchMedian = results.summary(key, "fetch")?.median;
    for (const { name, label } of RUNTIME_VARIANTS) {
      const s = results.summary(key, name);
      if (!s) continue;
      const times = fetchMedian ? ratio(s.median / fetchMedian) : "—";
      lines.push(
        `| ${runtime} | ${label} | ${number(s.median, 1)} µs | ${number(s.min, 1)} | ${number(s.max, 1)} | ${s.runs} | ${times} |`,
      );
    }
  }
  return lines.length > 2 ? lines.join("\n") : "Not measured in this run (`--only` without h).";
}

function method(plan: Plan): string {
  const notes = METRICS.filter((m) => m.note).map((m) => `  ${m.label}: ${m.note}.`);
  return `- **(a) Install**: \`npm install\` of the packed tarball (\`npm run build\` + \`npm pack\`) and of \`twilio\` into empty projects; every file under node_modules (the package and its production dependencies), and the number of packages.
- **(b) Cold import + client**: in a fresh process, \`import()\` (or \`require()\` for twilio-node, as its docs show) plus building a client ready for a Flex call (twilio-node: \`client.flexApi.v1\`, which loads the Flex domain lazily). ${plan.importRuns} processes per contender.
- **(c) Start to first response**: \`performance.now()\` (which counts from process start) when the first GET's parsed answer is in hand, including the import above and the first connection. ${plan.firstRuns} processes per contender.
- **(d) CPU per request**: \`process.cpuUsage()\` (user + system) over ${plan.requests.toLocaleString("en-US")} sequential requests after ${plan.warmup} warm-up (short-lived), then over ${plan.requests.toLocaleString("en-US")} more once ${plan.steadyAfter.toLocaleString("en-US")} requests have been made (steady state), in one fresh process per run; ${plan.cpuRuns} runs per contender and method. GET fetches the Interaction; POST creates one (form-encoded with JSON \`Channel\` and \`Routing\`). The server runs in its own process, so only the client's work is counted. The path layer and the resource methods are also counted in instructions by callgrind (when valgrind is on PATH): ${plan.requests.toLocaleString("en-US")} requests after ${plan.warmup} (short-lived) and after ${plan.instructionsSteadyWarmup.toLocaleString("en-US")} (steady state), GET and POST apart.
- **(e) Pagination**: all 50 pages of 1,000 channels, following absolute \`meta.next_page_url\`s: this SDK's \`for await\` over \`paginate()\`, twilio-node's \`each()\`, and a plain loop for the others; wall time, per record, and \`process.resourceUsage().maxRSS\` of the fresh process (which includes Node itself). ${plan.paginateRuns} runs per contender.
- **(f) Type-check**: the "Total time" \`tsc --noEmit --extendedDiagnostics\` reports (parse, bind and check; the wall time of the whole process, which adds loading TypeScript itself, is also shown) (TypeScript of this repository, \`strict\`, \`skipLibCheck\`, NodeNext, @types/node) over a 10-line consumer, minus the same consumer written with plain \`fetch\` in the same round; ${plan.typecheckRuns} rounds.
- **(g) Bundle**: esbuild \`--bundle --minify --format=esm\` of a one-call consumer, then gzip -9. This SDK's is bundled three ways: one Flex call and one Proxy call (each with \`createClientFor\`, so the bundle holds one API), and one call of each (\`createInteractionsClient\`).
- **(i) Bun and Deno**: the steady-state CPU per GET of (d), with the same runner run by the pinned Bun and Deno of \`npm run test:runtimes\`, for this SDK with its default there (the runtime's \`fetch\`) and forced onto its \`node:http\` wire (a preload hides \`process.versions.bun\` or \`Deno.version\`, so the SDK takes its Node path), and for plain \`fetch\` and \`node:http\` with keep-alive; ${plan.cpuRuns} runs each.
- Every request is checked by the server (credentials, form fields) and counted: a run whose contender sent a request too few or too many fails the bench. Contenders take turns run by run, so noise spreads over all of them.
${notes.join("\n")}`;
}

export function renderMarkdown(results: Results, info: RunInfo): string {
  const warning = info.quick
    ? "\n> **Quick run** (`--quick`): a smoke test of the harness with too few runs; these figures mean nothing.\n"
    : "";
  return `# Benchmarks: twilio-interactions vs twilio-node
${warning}
Run ${info.date} on ${info.machine}; twilio-interactions ${info.sdkVersion} (built and packed) vs twilio ${info.twilioVersion}; load average ${info.loadBefore} before, ${info.loadAfter} after; ${Math.round(info.seconds)} s in all. Rerun with \`npm run bench\`.

Figures are medians of fresh-process runs. Absolute figures depend on the machine and its load; **the ratios are what to compare**, since each divides by the floor's (raw \`node:http\` with keep-alive: the wire with nothing on top) or twilio-node's figure from the same run, with contenders taking turns run by run.

## Targets

${targetsTable(results)}

![Ratios to twilio-node](results.svg)

## Every figure

Contenders: ${CONTENDERS.map((c) => LABELS[c]).join(", ")}. Plain fetch, bare openapi-fetch and node:http show what the SDK is built on and the floor under it.

${allFigures(results)}

## Bun and Deno: CPU per GET by transport

On Node the SDK sends over \`node:http\`, which costs about half of Node's \`fetch\` per request. On Bun and Deno it uses the runtime's own \`fetch\`; this table shows what each wire costs there.

${runtimesTable(results)}

## How each figure is taken

${method(info.plan)}
`;
}

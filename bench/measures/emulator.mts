// (h) The emulator of twilio-interactions/testing beside Prism's static mock,
// for the same calls (a fetch and a create, alternately, 16 in flight):
// requests per second in-process and over loopback HTTP, where Prism is only
// HTTP; and the memory of 100,000 interactions held in one emulator.
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { startPrism } from "../../scripts/mock/prism.mts";
import { type Target, httpSender, load } from "../emulator/calls.mts";
import { removeAtExit, track } from "../processes.mts";
import type { Results } from "../results.mts";

const CHILD_SOURCE = fileURLToPath(new URL("../emulator/child.mts", import.meta.url));
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const FLEX_DOC = fileURLToPath(new URL("../../generated/openapi/flex.yaml", import.meta.url));
const CONCURRENCY = 16;
const TARGET_RATIO = 20;
const TARGET_RSS_MB = 200;
// The memory target is for Node's default flags. The figure with V8's memory-saving heap growth,
// which a test process holding a large emulator can choose, is reported beside it: by default V8
// lets the old generation grow well past the live heap between full collections.
const SMALL_HEAP_FLAGS = ["--expose-gc", "--optimize-for-size"];

export interface EmulatorPlan {
  prismRequests: number;
  httpRequests: number;
  inProcessRequests: number;
  interactions: number;
}

// The emulator's side runs as one bundled file under plain node, as a test runner would load the
// built package: no TypeScript loader in the process to inflate its memory or slow it down.
async function bundleChild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "twilio-interactions-bench-emulator-"));
  removeAtExit(dir);
  const outfile = join(dir, "child.mjs");
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    alias: { "twilio-interactions/testing": join(REPO, "src/testing/index.ts") },
    logLevel: "error",
  });
  return outfile;
}

async function runChild(script: string, args: string[], nodeArgs: string[] = []): Promise<Record<string, number>> {
  const child = track(process.execPath, [...nodeArgs, script, ...args], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`the emulator bench child (${args.join(" ")}) exited ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

async function httpRps(target: Target, requests: number): Promise<number> {
  const sender = httpSender(target, CONCURRENCY);
  try {
    await load(sender.send, Math.ceil(requests / 10), CONCURRENCY); // warm-up
    return await load(sender.send, requests, CONCURRENCY);
  } finally {
    sender.close();
  }
}

async function prismRps(requests: number): Promise<number> {
  const prism = await startPrism({ document: FLEX_DOC });
  try {
    const authorization = `Basic ${btoa("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:token")}`;
    return await httpRps(
      { flex: prism.url, authorization, interactionSid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
      requests,
    );
  } finally {
    await prism.stop();
  }
}

// `mode` is "serve" (the emulator) or "floor" (node:http answering the emulator's answers byte for byte).
async function childHttpRps(script: string, mode: "serve" | "floor", requests: number): Promise<number> {
  const child = track(process.execPath, [script, mode], {
    cwd: REPO,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const [target] = (await once(child, "message")) as [Target];
    return await httpRps(target, requests);
  } finally {
    child.kill();
  }
}

const rps = (n: number) => `${Math.round(n).toLocaleString("en-US")} req/s`;

/** Takes measure (h) and adds its facts to `results`. */
export async function measureEmulator(
  plan: EmulatorPlan,
  results: Results,
  log: (line: string) => void,
): Promise<void> {
  const script = await bundleChild();
  const prism = await prismRps(plan.prismRequests);
  log(`(h) Prism: ${rps(prism)}`);
  const http = await childHttpRps(script, "serve", plan.httpRequests);
  log(`(h) emulator over loopback HTTP: ${rps(http)}`);
  const floor = await childHttpRps(script, "floor", plan.httpRequests);
  log(`(h) node:http answering the same bytes (floor): ${rps(floor)}`);
  const inProcess = (await runChild(script, ["inprocess", String(plan.inProcessRequests), String(CONCURRENCY)])).rps!;
  log(`(h) emulator in-process: ${rps(inProcess)}`);
  const smallHeap = await runChild(script, ["memory", String(plan.interactions)], SMALL_HEAP_FLAGS);
  const defaults = await runChild(script, ["memory", String(plan.interactions)], ["--expose-gc"]);
  log(
    `(h) ${plan.interactions.toLocaleString("en-US")} interactions (node ${SMALL_HEAP_FLAGS.join(" ")}): ${smallHeap.rssMB!.toFixed(1)} MB RSS, ${smallHeap.heapMB!.toFixed(1)} MB live heap; ${defaults.rssMB!.toFixed(1)} MB RSS with V8's default heap growth`,
  );

  results.add("emulator.rps.prism", "prism", prism);
  results.add("emulator.rps.http", "emulator", http);
  results.add("emulator.rps.http", "http", floor);
  results.add("emulator.rps.inProcess", "emulator", inProcess);
  results.add("emulator.rss", "emulator", smallHeap.rssMB!);
  results.add("emulator.heap", "emulator", smallHeap.heapMB!);
  results.add("emulator.rssDefaultGrowth", "emulator", defaults.rssMB!);
  for (const [label, figure] of [
    ["over loopback HTTP", http],
    ["in-process", inProcess],
  ] as const) {
    const ratio = figure / prism;
    results.facts.push({
      label: `Emulator throughput ${label}, beside Prism (${rps(prism)})`,
      values: { sdk: `${rps(figure)} (${ratio.toFixed(1)}×)` },
      target: { text: `≥ ${TARGET_RATIO}× Prism`, met: ratio >= TARGET_RATIO },
    });
  }
  results.facts.push({
    label: "Its transport floor: node:http answering the emulator's answers byte for byte, with no emulator work",
    values: {
      sdk: `${rps(floor)} (${(floor / prism).toFixed(1)}× Prism; the emulator reaches ${((http / floor) * 100).toFixed(0)} % of it)`,
    },
  });
  results.facts.push({
    label: `Emulator holding ${plan.interactions.toLocaleString("en-US")} interactions: RSS (Node's default flags)`,
    values: {
      sdk: `${defaults.rssMB!.toFixed(1)} MB (live heap ${smallHeap.heapMB!.toFixed(1)} MB; ${smallHeap.rssMB!.toFixed(1)} MB with --optimize-for-size)`,
    },
    target: { text: `≤ ${TARGET_RSS_MB} MB`, met: defaults.rssMB! <= TARGET_RSS_MB },
  });
}

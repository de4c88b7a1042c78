// Runs the project's scripts and examples as real processes (Node with the
// tsx loader, as `npm run` does) and looks for Prism processes left behind.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment without any TWILIO_* variable of the machine, plus `extra`.
 *
 * @example
 * ```ts
 * const env = cleanEnv({ TWILIO_FLEX_BASE_URL: urls.flex });
 * ```
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TWILIO_")));
  return { ...env, ...extra };
}

/** A running script with its output so far. */
export interface Running {
  child: ChildProcess;
  output(): string;
  finished: Promise<Finished>;
}

export interface ScriptOptions {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Its own process group, like a terminal's foreground job. */
  detached?: boolean;
  /** Through the tsx command, as `npm run` does (two processes), instead of `node --import tsx` (one). */
  tsxCommand?: boolean;
}

const TSX_COMMAND = createRequire(import.meta.url).resolve("tsx/cli");

/**
 * Starts a TypeScript file of the repository as a program.
 *
 * @example
 * ```ts
 * const running = startScript("scripts/mock.mts", { detached: true });
 * ```
 */
export function startScript(
  file: string,
  { args = [], env = cleanEnv(), detached = false, tsxCommand = false }: ScriptOptions = {},
): Running {
  const launcher = tsxCommand ? [TSX_COMMAND] : ["--import", "tsx"];
  const child = spawn(process.execPath, [...launcher, file, ...args], { cwd: REPO_ROOT, env, detached });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output: () => stdout + stderr, finished };
}

/**
 * Runs a script to its end, killing it if it takes longer than `timeoutMs`.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runScript("scripts/demo.mts");
 * ```
 */
export async function runScript(file: string, options: ScriptOptions & { timeoutMs?: number } = {}): Promise<Finished> {
  const running = startScript(file, options);
  const timer = setTimeout(() => running.child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  try {
    return await running.finished;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls `condition` every 100 ms until it holds; throws with `what` after `timeoutMs`.
 *
 * @example
 * ```ts
 * await waitUntil(() => prismProcessesOn(port).length === 0, "Prism exits");
 * ```
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Live (not zombie) Prism processes listening on `port`, as `ps` lists them: `pid args`.
 *
 * @example
 * ```ts
 * expect(prismProcessesOn(4010)).toEqual([]);
 * ```
 */
export function prismProcessesOn(port: number): string[] {
  const table = execFileSync("ps", ["-eo", "pid=,stat=,args="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.includes("prism-cli") && line.includes(` -p ${port} `))
    .filter((line) => !/^\d+\s+Z/.test(line))
    .map((line) => line.replace(/^(\d+)\s+\S+\s+/, "$1 "));
}

/**
 * The ports of the loopback base URLs in `text`.
 *
 * @example
 * ```ts
 * portsIn("flex http://127.0.0.1:4010 proxy http://127.0.0.1:4011"); // [4010, 4011]
 * ```
 */
export function portsIn(text: string): number[] {
  return [...text.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((match) => Number(match[1]));
}

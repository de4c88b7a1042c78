// Every process the bench starts goes through here, so that all of them are
// stopped when the bench ends, fails or is interrupted: nothing outlives it.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { constants } from "node:os";

const live = new Set<ChildProcess>();
const scratch: string[] = [];

/** Removes `dir` when the bench exits, however it exits. */
export function removeAtExit(dir: string): void {
  scratch.push(dir);
}

function stopChildren(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

/** Stops every child still running and removes the scratch directories. */
export function shutdown(): void {
  stopChildren();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// On a signal, the slow part (removing installs) runs asynchronously: tsx,
// which runs this script, kills a child that stays unresponsive to a signal
// for more than a few tens of milliseconds, which would leave them behind.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\nbench: ${signal}, stopping`);
    stopChildren();
    const dirs = scratch.splice(0);
    void Promise.allSettled(dirs.map((dir) => rm(dir, { recursive: true, force: true }))).then(() => {
      stopChildren();
      process.exit(128 + constants.signals[signal]);
    });
  });
}
process.on("exit", shutdown);

/** Whether a signal is stopping the bench (so a failing measure is no news). */
export function interrupted(): boolean {
  return stopping;
}

/**
 * The environment of measured processes: none of the caller's Node options,
 * proxies, extra CA bundles or Twilio settings, any of which would change
 * what one contender does (twilio-node honours HTTP_PROXY; fetch does not).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const dropped = /^(NODE_OPTIONS|NODE_EXTRA_CA_CERTS|TWILIO_.*|(HTTPS?|ALL|NO)_PROXY)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !dropped.test(name)));
}

/** Starts a child and tracks it until it exits. */
export function track(command: string, args: string[], options: SpawnOptions): ChildProcess {
  if (stopping) throw new Error("the bench is stopping");
  const child = spawn(command, args, options);
  live.add(child);
  child.on("exit", () => live.delete(child));
  return child;
}

export interface Finished {
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  ms: number;
}

/** Runs a command to completion; rejects when it fails or runs past `timeoutMs`. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Finished> {
  const { cwd, env = process.env, timeoutMs = 300_000 } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr, ms: performance.now() - started });
      const why = timedOut ? `ran past ${timeoutMs} ms` : signal ? `killed by ${signal}` : `exit ${code}`;
      reject(new Error(`${command} ${args.join(" ")} failed (${why}) in ${cwd}:\n${stderr || stdout}`));
    });
  });
}

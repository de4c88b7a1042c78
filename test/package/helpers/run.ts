// Runs a command to completion. A failure throws with the command, exit
// status and both outputs, so a broken consumer says why; a command that
// hangs is killed at the time limit.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository, with a trailing slash. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Where and how a command is started. */
export interface RunOptions {
  cwd: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Kills the command after this many milliseconds (default 90 000). */
  timeoutMs?: number;
}

/** How a command ended. */
export interface Finished {
  /** Exit status; null when it was killed. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** The command line and folder, for messages. */
  description: string;
}

/** Runs `command` with `args` and resolves however it ends. */
export function runToEnd(
  command: string,
  args: string[],
  { cwd, env, timeoutMs = 300_000 }: RunOptions,
): Promise<Finished> {
  const description = `${command} ${args.join(" ")} (in ${cwd})`;
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" && !error.killed ? error.code : null) : 0;
        resolve({ status, stdout, stderr, description });
      },
    );
  });
}

/** Runs `command` with `args` and resolves to its stdout; throws unless it exits 0. */
export async function run(command: string, args: string[], options: RunOptions): Promise<string> {
  const { status, stdout, stderr, description } = await runToEnd(command, args, options);
  if (status !== 0) {
    const how = status === null ? "was killed at its time limit" : `exited with status ${status}`;
    throw new Error(`${description} ${how}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
  }
  return stdout;
}

/** Runs a Node script (`node file`) and parses the JSON it prints on its last line. */
export async function runNode(file: string, options: RunOptions): Promise<unknown> {
  const stdout = await run(process.execPath, [file], options);
  const last = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last);
  } catch {
    throw new Error(`node ${file} did not end with a JSON line:\n${stdout}`);
  }
}

// Runs a command while the machine is saturated: four busy processes per core,
// each spinning on the CPU, so the command gets a fifth of a core or so and
// every timer, socket and child process in it runs late. The test suite must
// pass like this (it asserts what was done, never how long it took).
//
//   tsx scripts/load.mts -- npm test -- --sequence.shuffle
//
// Exits with the command's exit code; the busy processes stop with it, and
// each stops by itself after --max-minutes (default 60) if this one is killed.
import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism } from "node:os";

const PER_CORE = 4;

// A busy process: spins on the CPU in 50 ms slices until killed, or past its own deadline.
const SPIN = `
const deadline = Date.now() + Number(process.argv[1]) * 60000;
const spin = () => {
  const until = Date.now() + 50;
  while (Date.now() < until);
  if (Date.now() < deadline) setImmediate(spin);
};
spin();
`;

const args = process.argv.slice(2);
let maxMinutes = 60;
if (args[0] === "--max-minutes") {
  maxMinutes = Number(args[1]);
  args.splice(0, 2);
}
if (args[0] === "--") args.shift();
const [command, ...commandArgs] = args;
if (!command || !(maxMinutes > 0)) {
  console.error("usage: tsx scripts/load.mts [--max-minutes N] -- COMMAND [ARGS...]");
  process.exit(2);
}

const count = availableParallelism() * PER_CORE;
const busy: ChildProcess[] = Array.from({ length: count }, () =>
  spawn(process.execPath, ["-e", SPIN, String(maxMinutes)], { stdio: "ignore" }),
);
console.log(`load: ${count} busy processes (${PER_CORE} per core) while running: ${args.join(" ")}`);
const child = spawn(command, commandArgs, { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  for (const spinner of busy) spinner.kill();
  console.log(`load: ${args.join(" ")} exited with ${signal ?? code}`);
  process.exitCode = code ?? 1;
});

// The checks `npm test` runs before the test suite, side by side (they are
// independent, and a 2-core machine runs two at once): the spec lint, the
// generated/ drift check and the typecheck. Each one's output is printed
// whole when it ends, in this order; the exit code is non-zero if any failed.
import { spawn } from "node:child_process";

const CHECKS = ["lint:spec", "check:generated", "typecheck"];

const results = CHECKS.map(
  (name) =>
    new Promise<{ name: string; code: number; output: string }>((resolve) => {
      const child = spawn("npm", ["run", "--silent", name], { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk));
      child.on("close", (code) => resolve({ name, code: code ?? 1, output }));
    }),
);

let failed = 0;
for (const result of results) {
  const { name, code, output } = await result;
  const text = output.trimEnd();
  console.log(`npm run ${name}: ${code === 0 ? "ok" : `failed (exit ${code})`}${text ? `\n${text}` : ""}`);
  if (code !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;

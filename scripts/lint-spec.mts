// npm run lint:spec: redocly lint with warnings counted as failures.
import { lintSpec } from "./codegen/lint.mts";

const { ok, report } = await lintSpec();
console.log(report);
if (!ok) process.exitCode = 1;

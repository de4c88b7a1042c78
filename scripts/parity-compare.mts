// npm run parity:compare -- a.json b.json: prints how two parity reports
// differ (requests, statuses, answer shapes, state transitions; timings are
// not differences) and exits 1 when they differ, 2 when it cannot read them.
import { readFile } from "node:fs/promises";
import { compareReports, formatDifferences } from "./parity/compare.mts";
import { type ParityReport, REPORT_FORMAT } from "./parity/report.mts";

async function load(file: string): Promise<ParityReport> {
  const report = JSON.parse(await readFile(file, "utf8")) as ParityReport;
  if (report?.format !== REPORT_FORMAT)
    throw new Error(`${file} is not a parity report (format ${REPORT_FORMAT}); npm run test:live writes them.`);
  return report;
}

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length !== 2) {
    console.error("Usage: npm run parity:compare -- <first report.json> <second report.json>");
    return 2;
  }
  const [a, b] = await Promise.all(files.map(load));
  const differences = compareReports(a!, b!);
  if (!differences.length) {
    console.log(`${files[0]} (${a!.target}) and ${files[1]} (${b!.target}) agree.`);
    return 0;
  }
  console.log(`${files[0]} (${a!.target}) and ${files[1]} (${b!.target}) differ in ${differences.length} place(s):`);
  console.log(formatDifferences(differences));
  return 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);

// npm run test:live [-- --out <dir>]: the parity scenarios against the
// emulator (over loopback HTTP) and, when TWILIO_LIVE=1, credentials and every
// resource variable are set, against your Twilio account. Each run writes
// <dir>/<target>.json and .md (default dir: parity-report/); with both, the
// differences are printed. Without the Twilio settings it names what is
// missing and sends nothing to Twilio. Ctrl-C stops it and undoes what it
// created; a second Ctrl-C exits at once. docs/live-parity.md tells more.
import { parseArgs } from "node:util";
import { missingParitySettings } from "./story-settings.mts";
import { compareReports, formatDifferences } from "./parity/compare.mts";
import type { ParityReport } from "./parity/report.mts";
import { writeReport } from "./parity/report.mts";
import { type Target, emulatorTarget, runParity, twilioTarget } from "./parity/run.mts";

const { values } = parseArgs({ options: { out: { type: "string", default: "parity-report" } } });
const interrupt = new AbortController();

process.on("SIGINT", () => {
  if (interrupt.signal.aborted) {
    console.error("\nInterrupted twice: exiting without cleaning up. The report's cleanup section was not written.");
    process.exit(130);
  }
  console.error("\nInterrupted: stopping, then closing and deleting what this run created (Ctrl-C again to quit now).");
  interrupt.abort();
});

async function run(target: Target): Promise<ParityReport> {
  console.log(`\n== Parity scenarios against ${target.name}`);
  try {
    const report = await runParity(target, { signal: interrupt.signal, log: (line) => console.log(line) });
    const { json, markdown } = await writeReport(report, values.out!);
    const { closedChannels, deletedWebhooks, left } = report.cleanup;
    console.log(`Cleanup: closed ${closedChannels} channel(s), deleted ${deletedWebhooks} webhook(s).`);
    for (const item of left) console.error(`Left behind, see to it yourself: ${item}`);
    console.log(`Report: ${json} and ${markdown}`);
    return report;
  } finally {
    await target.close();
  }
}

const failed = (report: ParityReport) =>
  report.interrupted || report.cleanup.left.length > 0 || report.scenarios.some((s) => !s.ok);

async function main(): Promise<number> {
  const missing = missingParitySettings();
  if (missing.length) {
    console.log(
      "Not running against Twilio (nothing is sent to it). To run against your account, set: " +
        `${missing.join("; ")}. See docs/live-parity.md.`,
    );
  }
  const emulator = await run(await emulatorTarget());
  if (emulator.interrupted) return 130;
  if (missing.length) return failed(emulator) ? 1 : 0;

  const twilio = await run(twilioTarget());
  if (twilio.interrupted) return 130;
  const differences = compareReports(emulator, twilio);
  console.log(
    differences.length
      ? `\nThe emulator and Twilio differ in ${differences.length} place(s):\n${formatDifferences(differences)}`
      : "\nThe emulator and Twilio agree on every step.",
  );
  console.log(`Please send us ${values.out}/twilio.json (it holds no SID, number or secret): see docs/live-parity.md.`);
  return failed(emulator) || failed(twilio) ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);

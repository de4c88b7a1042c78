// Runs the parity scenarios against one target and returns its report. The
// target is only a client configuration (base URLs and credentials) and the
// resources the run may use: the emulator over loopback HTTP, or a real
// account. Whatever happens, and also when `signal` fires (SIGINT), what the
// run created is undone before it returns.
import { type InteractionsClientOptions, VERSION, asSid } from "twilio-interactions";
import { type Emulator, createEmulator } from "twilio-interactions/testing";
import { SEED_STORY, liveStoryFromEnv } from "../story-settings.mts";
import { sidFromEnv } from "../../examples/support/standalone.ts";
import { Tracker } from "./cleanup.mts";
import { Recorder } from "./recorder.mts";
import { type ParityReport, REPORT_FORMAT, type ScenarioRecord } from "./report.mts";
import { type ParityResources, SCENARIOS, type Scenario } from "./scenarios.mts";
import { makeClient } from "./sdk.mts";

/** Where a run goes: how to build its client, and what it may use. */
export interface Target {
  name: ParityReport["target"];
  /** Credentials and base URLs; the run adds its recording `fetch`. */
  client: InteractionsClientOptions;
  resources: ParityResources;
  /** Releases what the target holds (the emulator's ports). */
  close(): Promise<void>;
}

export interface RunOptions {
  /** Fires on SIGINT: requests in flight are aborted, no further step starts, the cleanup runs. */
  signal?: AbortSignal;
  /** Gets a line per scenario and step. */
  log?: (line: string) => void;
  /** Defaults to every scenario. */
  scenarios?: readonly Scenario[];
}

/** Nothing calls it: the webhook is attached to no interaction. Replace with TWILIO_PARITY_WEBHOOK_URL. */
const DEFAULT_WEBHOOK_URL = "https://example.com/twilio-interactions-parity";

/**
 * The emulator served over loopback HTTP with `emulator.listen()`, with its
 * default options (the report shows where they differ from Twilio), seeded
 * so that two runs send and see the same. Tests pass their own emulator to
 * look at its state afterwards.
 */
export async function emulatorTarget(emulator: Emulator = createEmulator({ seed: 22 })): Promise<Target> {
  const server = await emulator.listen();
  const session = emulator.proxySession({ interactions: 5 });
  const { routing, sms, participantNumber } = SEED_STORY;
  return {
    name: "emulator",
    client: { ...emulator.credentials, baseUrls: server.baseUrls },
    resources: {
      routing,
      sms,
      participantNumber,
      proxy: { serviceSid: asSid("KS", session.serviceSid), sessionSid: asSid("KC", session.sessionSid) },
      proxyInteractionSid: asSid("KI", session.interactionSids[2]),
      flexInstanceSid: asSid("GO", emulator.flexInstanceSid),
      webhookUrl: DEFAULT_WEBHOOK_URL,
    },
    close: () => server.close(),
  };
}

/** A real account: credentials and resources from the environment (check `missingParitySettings()` first). */
export function twilioTarget(): Target {
  const story = liveStoryFromEnv("npm run test:live");
  return {
    name: "twilio",
    client: {},
    resources: {
      ...story,
      flexInstanceSid: sidFromEnv("TWILIO_FLEX_INSTANCE_SID", "GO"),
      webhookUrl: process.env.TWILIO_PARITY_WEBHOOK_URL || DEFAULT_WEBHOOK_URL,
    },
    close: async () => {},
  };
}

/** Runs the scenarios against `target`, cleans up, and returns the report. */
export async function runParity(target: Target, options: RunOptions = {}): Promise<ParityReport> {
  const log = options.log ?? (() => {});
  const recorder = new Recorder(options.signal, log);
  const tracker = new Tracker();
  recorder.onExchange(tracker.listener);
  const twilio = makeClient({ ...target.client, fetch: recorder.fetch, maxRetries: 2 });
  const report: ParityReport = {
    format: REPORT_FORMAT,
    target: target.name,
    sdkVersion: VERSION,
    startedAt: new Date().toISOString(),
    interrupted: false,
    scenarios: [],
    cleanup: { closedChannels: 0, deletedWebhooks: 0, left: [] },
  };
  for (const scenario of options.scenarios ?? SCENARIOS) {
    if (options.signal?.aborted) break;
    log(`${scenario.name}`);
    recorder.resetEntities();
    const record: ScenarioRecord = { name: scenario.name, ok: true, steps: [] };
    try {
      await scenario.run({
        twilio,
        resources: target.resources,
        step: recorder.step.bind(recorder),
        setupTook: (ms) => (record.setupMs = ms),
      });
    } catch {
      record.ok = false; // the failed step holds the error; the next scenario starts afresh
    }
    record.steps = recorder.takeSteps();
    report.scenarios.push(record);
  }
  report.interrupted = options.signal?.aborted ?? false;
  // The cleanup's own client: not aborted by the interrupt, and not recorded.
  const cleaner = makeClient({ ...target.client, fetch: (url, init) => globalThis.fetch(url, init) });
  report.cleanup = await tracker.cleanUp(cleaner);
  return report;
}

/**
 * Deletes the interaction log of a Proxy session (it holds customers'
 * personal data), within Twilio's rate limits: a few deletions at a time, a
 * pause whenever Twilio answers 429, and a summary at the end. `--dry-run`
 * only counts what would be deleted; `--messages-only` keeps the calls.
 *
 * Run: npx tsx examples/cleanup-proxy-session.ts [--dry-run] [--messages-only]
 * Reads: TWILIO_PROXY_SERVICE_SID, TWILIO_PROXY_SESSION_SID, and the client variables (see "Examples" in README.md).
 */
import {
  type CleanupSummary,
  type InteractionsClient,
  type ProxySessionRef,
  cleanupProxySession,
} from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv } from "./support/standalone";

/**
 * Cleans up the session and returns the summary, printing progress on the way.
 *
 * @example
 * ```ts
 * const summary = await cleanupSession(twilio, { serviceSid, sessionSid }, { dryRun: true, messagesOnly: false });
 * ```
 */
export function cleanupSession(
  twilio: InteractionsClient,
  session: ProxySessionRef,
  { dryRun, messagesOnly }: { dryRun: boolean; messagesOnly: boolean },
  log: (line: string) => void = () => {},
): Promise<CleanupSummary> {
  return cleanupProxySession(twilio, session, {
    dryRun,
    concurrency: 4,
    ...(messagesOnly ? { filter: (interaction) => interaction.type === "message" } : {}),
    onProgress: ({ matched, deleted, failed }) => log(`${deleted + failed}/${matched} done`),
  });
}

runIfMain(import.meta.url, async () => {
  const session = {
    serviceSid: sidFromEnv("TWILIO_PROXY_SERVICE_SID", "KS"),
    sessionSid: sidFromEnv("TWILIO_PROXY_SESSION_SID", "KC"),
  };
  const summary = await cleanupSession(clientFromEnv(), session, {
    dryRun: process.argv.includes("--dry-run"),
    messagesOnly: process.argv.includes("--messages-only"),
  });
  const verb = summary.dryRun ? "Would delete" : "Deleted";
  const count = summary.dryRun ? summary.matched.length : summary.deleted.length + summary.alreadyGone.length;
  console.log(`${verb} ${count} of ${summary.listed} interactions; ${summary.failed.length} failed.`);
  if (summary.failed.length > 0) process.exitCode = 1;
});

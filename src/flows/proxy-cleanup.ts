// Deleting a Proxy session's interaction log (personal data) within Twilio's
// rate limits. The SIDs are listed first and deleted afterwards, so deleting
// never shifts the pages being read; each SID is handed to one worker only,
// and a 404 counts as already deleted, so a resumed or repeated run deletes
// nothing twice and skips nothing.
import type { ProxyInteraction } from "../../generated/proxy";
import {
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TwilioAbortError,
  TwilioConnectionError,
  TwilioError,
} from "../errors";
import { retryDelayMs } from "../retry";
import type { Sid } from "../sid";
import { sleep } from "../transport";
import type { FlowClient } from "./client";

/**
 * A Proxy session: its service's SID and its own.
 *
 * @example
 * ```ts
 * const session: ProxySessionRef = { serviceSid: "KS…", sessionSid: "KC…" };
 * ```
 */
export interface ProxySessionRef {
  readonly serviceSid: Sid<"KS">;
  readonly sessionSid: Sid<"KC">;
}

/**
 * Counts reported while a cleanup runs.
 *
 * @example
 * ```ts
 * const onProgress = ({ deleted, failed, matched }: CleanupProgress) => console.log(`${deleted + failed}/${matched}`);
 * ```
 */
export interface CleanupProgress {
  /** Interactions read from the session so far. */
  readonly listed: number;
  /** Of those, the ones the filter kept (all without a filter). */
  readonly matched: number;
  /** Deleted by this run, including those Twilio had already removed. */
  readonly deleted: number;
  /** Given up on; see `CleanupSummary.failed`. */
  readonly failed: number;
  /** 429 answers received so far; each paused every worker for its Retry-After. */
  readonly rateLimited: number;
}

/**
 * Options of {@link cleanupProxySession}: what to delete, how fast, and how to
 * follow, stop or resume it.
 *
 * @example
 * ```ts
 * const options: CleanupOptions = { filter: (i) => i.type === "voice", concurrency: 2, dryRun: true };
 * ```
 */
export interface CleanupOptions {
  /** Deletes only the interactions it returns true for (default: all). */
  readonly filter?: (interaction: ProxyInteraction) => boolean;
  /** Deletes in flight at once (default 4; Twilio allows about 20 requests per second). */
  readonly concurrency?: number;
  /** Lists and filters, but deletes nothing: `matched` says what would go. */
  readonly dryRun?: boolean;
  /** Called with the counts after the listing and after each deletion. */
  readonly onProgress?: (progress: CleanupProgress) => void;
  /** The `pending` SIDs of an interrupted run: deletes those without listing again. */
  readonly resume?: readonly Sid<"KI">[];
  /** Attempts per interaction on 5xx and connection failures before it counts as failed (default 8). 429s never count. */
  readonly maxAttempts?: number;
  /** Stops starting deletions; the run then resolves with `aborted: true` and the rest in `pending`. */
  readonly signal?: AbortSignal;
}

/**
 * What a cleanup did: what it deleted, what was already gone, what failed and
 * what is left to resume.
 *
 * @example
 * ```ts
 * if (summary.aborted) await cleanupProxySession(twilio, session, { resume: summary.pending });
 * ```
 */
export interface CleanupSummary {
  readonly dryRun: boolean;
  /** True when `signal` stopped the run before the end; `pending` holds what is left. */
  readonly aborted: boolean;
  /** Interactions listed (0 when resuming). */
  readonly listed: number;
  /** SIDs selected for deletion. */
  readonly matched: readonly Sid<"KI">[];
  /** SIDs deleted by this run. */
  readonly deleted: readonly Sid<"KI">[];
  /** SIDs Twilio answered 404 for: already deleted (for example by an earlier, interrupted run). */
  readonly alreadyGone: readonly Sid<"KI">[];
  /** SIDs given up on, with the last error. */
  readonly failed: readonly { readonly sid: Sid<"KI">; readonly error: TwilioError }[];
  /** SIDs not attempted; pass them as `resume` to finish the job. */
  readonly pending: readonly Sid<"KI">[];
  /** 429 answers received. */
  readonly rateLimited: number;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_ATTEMPTS = 8;

function isTransient(error: unknown): error is TwilioError {
  return (
    error instanceof RateLimitError || error instanceof InternalServerError || error instanceof TwilioConnectionError
  );
}

/**
 * Deletes every interaction of a Proxy session, or those `filter` keeps, with
 * at most `concurrency` deletions in flight. A 429 pauses every worker for
 * its `Retry-After` (or a backoff when it has none) and the interaction is
 * tried again, however long the storm: bound the run with `signal`. 5xx and
 * connection failures are retried up to `maxAttempts` times each. Resolves
 * with a summary (it throws only for bad options or a failed listing); rerun
 * with `resume: summary.pending` after an abort. A second run finds nothing
 * left to delete; a 404 counts as already deleted.
 *
 * Requests: GET the session's interactions (every page; not with `resume`),
 * then one DELETE per interaction to delete (none with `dryRun`), each
 * repeated after a 429, a 5xx or a connection failure.
 *
 * @example
 * ```ts
 * const summary = await cleanupProxySession(twilio, { serviceSid: "KS…", sessionSid: "KC…" }, {
 *   filter: (i) => i.type === "message",
 *   onProgress: ({ deleted, matched }) => console.log(`${deleted}/${matched}`),
 * });
 * console.log(summary.deleted.length, summary.failed);
 * ```
 */
export async function cleanupProxySession(
  twilio: FlowClient,
  session: ProxySessionRef,
  options: CleanupOptions = {},
): Promise<CleanupSummary> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (const [name, value] of [
    ["concurrency", concurrency],
    ["maxAttempts", maxAttempts],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${name} must be a whole number of at least 1, but got ${value}.`);
    }
  }
  const signal = options.signal;
  const interactions = twilio.proxy.services(session.serviceSid).sessions(session.sessionSid).interactions;
  const counts = { listed: 0, matched: 0, deleted: 0, failed: 0, rateLimited: 0 };
  const report = () => options.onProgress?.({ ...counts });

  const matched: Sid<"KI">[] = [...(options.resume ?? [])];
  if (!options.resume) {
    for await (const interaction of interactions.list(undefined, { signal })) {
      counts.listed++;
      if (!options.filter || options.filter(interaction)) matched.push(interaction.sid);
    }
  }
  counts.matched = matched.length;
  report();

  const deleted: Sid<"KI">[] = [];
  const alreadyGone: Sid<"KI">[] = [];
  const failed: { sid: Sid<"KI">; error: TwilioError }[] = [];
  const queue = options.dryRun ? [] : [...matched];
  const attempts = new Map<Sid<"KI">, number>();
  let pausedUntil = 0;
  let rateLimitStreak = 0;
  let aborted = false;

  const settle = (sid: Sid<"KI">, into: Sid<"KI">[] | undefined, error?: TwilioError) => {
    if (into) into.push(sid);
    if (error) failed.push({ sid, error });
    counts[error ? "failed" : "deleted"]++;
    report();
  };

  const worker = async () => {
    for (let sid = queue.shift(); sid; sid = queue.shift()) {
      try {
        const wait = pausedUntil - Date.now();
        if (wait > 0) await sleep(wait, signal, () => "The Proxy cleanup");
        if (signal?.aborted) throw new TwilioAbortError("The Proxy cleanup was aborted by its AbortSignal.");
        try {
          // One attempt per call: the pauses between attempts are this loop's, shared by all workers.
          await interactions(sid).remove({ maxRetries: 0, signal });
          rateLimitStreak = 0;
          settle(sid, deleted);
        } catch (error) {
          if (error instanceof NotFoundError) settle(sid, alreadyGone);
          else if (error instanceof TwilioAbortError) throw error;
          else if (error instanceof RateLimitError) {
            // Twilio did not process it: never final, everyone waits as long as Twilio asks.
            counts.rateLimited++;
            const wait = retryDelayMs(++rateLimitStreak, error.headers.get("retry-after"));
            pausedUntil = Math.max(pausedUntil, Date.now() + wait);
            queue.unshift(sid);
          } else {
            const attempt = (attempts.get(sid) ?? 0) + 1;
            attempts.set(sid, attempt);
            if (isTransient(error) && attempt < maxAttempts) {
              pausedUntil = Math.max(pausedUntil, Date.now() + retryDelayMs(attempt, null));
              queue.unshift(sid);
            } else settle(sid, undefined, error instanceof TwilioError ? error : new TwilioError(String(error)));
          }
        }
      } catch (error) {
        if (!(error instanceof TwilioAbortError)) throw error;
        // Aborted before or while sending: the SID goes back, to be resumed.
        aborted = true;
        queue.unshift(sid);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(queue.length, 1)) }, worker));

  return {
    dryRun: options.dryRun ?? false,
    aborted,
    listed: counts.listed,
    matched,
    deleted,
    alreadyGone,
    failed,
    pending: queue,
    rateLimited: counts.rateLimited,
  };
}

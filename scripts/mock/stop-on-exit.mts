// For command-line scripts that run the mock: stop it before the process ends
// on Ctrl-C, a kill, a closed terminal, or an error nobody caught. Without
// this, Node exits on SIGINT at once and Prism (in its own process group, so
// Ctrl-C does not reach it) would only go away when it notices we are gone.
import { type Mock, type MockOptions, startMock } from "./interactions-mock.mts";

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/**
 * Installs handlers that call `stop` and then exit: with 128 + the signal
 * number on a signal, with 1 on an uncaught error (after printing it).
 * Returns a function that removes the handlers.
 *
 * @example
 * ```ts
 * const mock = await startMock();
 * const release = stopOnExit(mock.stop);
 * try { await work(mock.urls); } finally { await mock.stop(); release(); }
 * ```
 */
export function stopOnExit(stop: () => Promise<void>, log: (message: string) => void = console.error): () => void {
  let exiting = false;
  // tsx forwards a terminal's Ctrl-C to us, so the same signal can arrive twice: act once.
  const exitAfterStop = (code: number, why: string) => {
    if (exiting) return;
    exiting = true;
    log(why);
    stop().finally(() => process.exit(code));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    exitAfterStop(128 + (SIGNALS[signal] ?? 0), `\n${signal}: stopping the mock.`);
  };
  const onError = (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    exitAfterStop(1, `Unexpected error: ${text}\nStopping the mock.`);
  };
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  process.on("uncaughtException", onError);
  process.on("unhandledRejection", onError);
  return () => {
    for (const signal of Object.keys(SIGNALS)) process.removeListener(signal, onSignal);
    process.removeListener("uncaughtException", onError);
    process.removeListener("unhandledRejection", onError);
  };
}

/** The mock of a command-line script, see {@link startMockUntilExit}. */
export interface ScriptMock {
  /** The mock, once it answers. */
  started: Promise<Mock>;
  /** Whether a signal or an uncaught error is stopping the mock (so its end is expected). */
  exiting(): boolean;
  /** Removes the handlers, once the script has stopped the mock itself. */
  release(): void;
}

/**
 * Starts the mock with {@link stopOnExit} installed from the first moment, so
 * that Ctrl-C while Prism is still starting stops it too.
 *
 * @example
 * ```ts
 * const { started, release } = startMockUntilExit();
 * const mock = await started;
 * try { await work(mock.urls); } finally { await mock.stop(); release(); }
 * ```
 */
export function startMockUntilExit(options?: MockOptions): ScriptMock {
  const started = startMock(options);
  let exiting = false;
  const release = stopOnExit(() => {
    exiting = true;
    return started.then(
      (mock) => mock.stop(),
      () => {},
    );
  });
  return { started, exiting: () => exiting, release };
}

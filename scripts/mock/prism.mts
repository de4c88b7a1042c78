// Runs one Prism mock server for one OpenAPI document: picks a free loopback
// port, waits until Prism listens and answers, and stops its whole process
// group. Prism runs in its own process group (so Ctrl-C in a terminal reaches
// only our handler, which stops it cleanly) and exits by itself if we die.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** Options of {@link startPrism}. */
export interface PrismOptions {
  /** Path of the OpenAPI document to serve. */
  document: string;
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** How long to wait for Prism to answer, in milliseconds (default 30 000: it is slow to start on a busy machine). */
  readyTimeoutMs?: number;
  /** Receives each line Prism prints (its request log), for example to show it on the console. */
  onLine?: (line: string) => void;
}

/** A running Prism process. */
export interface PrismServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves with the exit code (or signal name) when the process ends, whoever ends it. */
  readonly exited: Promise<number | string>;
  /** The last lines Prism printed, for error messages. */
  output(): string;
  /** Stops the process group: SIGTERM, then SIGKILL after 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const PRISM_CLI = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
const EXIT_WITH_PARENT = fileURLToPath(new URL("exit-with-parent.cjs", import.meta.url));
const KEPT_LINES = 40;

/**
 * A port that was free a moment ago on 127.0.0.1. Another process may take
 * it before Prism binds it; {@link startPrism} retries when that happens.
 *
 * @example
 * ```ts
 * const port = await freePort(); // e.g. 41603
 * ```
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (typeof address !== "object" || address === null) throw new Error("Could not pick a free port on 127.0.0.1.");
  return address.port;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function launch(document: string, port: number, onLine: ((line: string) => void) | undefined) {
  const child = spawn(
    process.execPath,
    ["--require", EXIT_WITH_PARENT, PRISM_CLI, "mock", "-h", HOST, "-p", String(port), document],
    { detached: true, stdio: ["ignore", "pipe", "pipe", "ipc"], env: { ...process.env, FORCE_COLOR: "0" } },
  );
  const lines: string[] = [];
  let listening = false;
  let markListening!: () => void;
  const whenListening = new Promise<void>((resolve) => (markListening = resolve));
  const exited = new Promise<number | string>((resolve) => {
    // "close", not "exit": by then Prism's last lines (the reason it failed) have been read.
    child.once("close", (code, signal) => resolve(code ?? signal ?? "unknown"));
    child.once("error", (error) => {
      lines.push(error.message);
      resolve("spawn error");
    });
  });
  // Last resort when our process exits without stopping Prism (an uncaught error): kill it synchronously.
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.removeListener("exit", killOnExit));

  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const parts = (pending + chunk).split("\n");
      pending = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (lines.length > KEPT_LINES) lines.shift();
        onLine?.(line);
        if (!listening && line.includes("Prism is listening")) {
          listening = true;
          markListening();
        }
      }
    });
  }
  return { child, exited, whenListening, output: () => lines.join("\n") };
}

// Prism prints "listening" just before it binds; a TCP connection proves it accepts requests.
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function startOnce(options: PrismOptions, port: number, deadline: number): Promise<PrismServer> {
  const url = `http://${HOST}:${port}`;
  const { child, exited, whenListening, output } = launch(options.document, port, options.onLine);
  let stopping: Promise<void> | undefined;
  const server: PrismServer = {
    url,
    port,
    pid: child.pid ?? -1,
    exited,
    output,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
        signalGroup(child, "SIGTERM");
        const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
        if (!stopped) {
          signalGroup(child, "SIGKILL");
          await exited;
        }
      })();
      return stopping;
    },
  };
  const timedOut = delay(Math.max(0, deadline - Date.now())).then(() => "timeout" as const);
  const ended = exited.then((code) => ({ code }));
  const first = await Promise.race([whenListening.then(() => "listening" as const), ended, timedOut]);
  if (first === "listening") {
    while (Date.now() < deadline && child.exitCode === null) {
      if (await accepts(port)) return server;
      await delay(100);
    }
  }
  await server.stop();
  const code = typeof first === "object" ? first.code : child.exitCode;
  const why =
    first === "timeout" || code === null
      ? `did not answer within ${options.readyTimeoutMs ?? 30_000} ms`
      : `exited (${code}) before accepting connections`;
  throw new PrismStartError(`Prism for ${options.document} on ${url} ${why}. Its output:\n${output()}`, output());
}

/**
 * Prism did not start; the message ends with its output.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof PrismStartError && error.output.includes("EADDRINUSE")) pickAnotherPort(); }
 * ```
 */
export class PrismStartError extends Error {
  override name = "PrismStartError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/**
 * Starts Prism serving `document` on 127.0.0.1 and resolves once it accepts
 * connections. On failure it leaves no process behind and throws
 * {@link PrismStartError} with Prism's output.
 *
 * @example
 * ```ts
 * const prism = await startPrism({ document: "generated/openapi/flex.yaml" });
 * try { await fetch(`${prism.url}/v1/Interactions/KD…`, { headers: { authorization: "Basic …" } }); }
 * finally { await prism.stop(); }
 * ```
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  // A port picked by freePort() can be taken before Prism binds it: try another.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOnce(options, port, deadline);
    } catch (error) {
      const portTaken = error instanceof PrismStartError && error.output.includes("EADDRINUSE");
      if (!portTaken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

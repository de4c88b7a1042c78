// Starts the bench server (server.mts, bundled) in its own process and talks
// to it: its origin, and how many requests it has answered.
import type { ServerStats } from "./server.mts";
import { cleanEnv, track } from "./processes.mts";

export interface BenchServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  stats(): Promise<ServerStats>;
  stop(): void;
}

export function startServer(script: string): Promise<BenchServer> {
  const child = track(process.execPath, [script], { env: cleanEnv(), stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the bench server did not start within 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)));
    child.once("message", (message) => {
      clearTimeout(timer);
      const { origin } = message as { origin: string };
      resolve({
        origin,
        stats: async () => (await (await fetch(`${origin}/__stats`)).json()) as ServerStats,
        stop: () => child.kill(),
      });
    });
  });
}

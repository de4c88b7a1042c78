// Reads environment variables where the runtime has them (Node, Bun, Deno's
// Node compatibility) without importing anything Node-specific, so the same
// code runs on edge runtimes, where it simply finds nothing.
const processEnv = (): Record<string, string | undefined> | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

/** The value of an environment variable, or `undefined` when unset or empty. */
export function readEnv(name: string): string | undefined {
  const value = processEnv()?.[name];
  return value === undefined || value === "" ? undefined : value;
}

/** `runtime/version`, for the User-Agent header. */
export function runtimeName(): string {
  const g = globalThis as {
    process?: { versions?: { node?: string; bun?: string } };
    Deno?: { version?: { deno?: string } };
    navigator?: { userAgent?: string };
    EdgeRuntime?: string;
  };
  if (typeof g.EdgeRuntime === "string") return `edge-runtime/${g.EdgeRuntime}`;
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  if (g.process?.versions?.bun) return `bun/${g.process.versions.bun}`;
  if (g.process?.versions?.node) return `node/${g.process.versions.node}`;
  return g.navigator?.userAgent?.split(" ")[0] ?? "unknown-runtime";
}

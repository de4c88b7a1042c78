// What the SDK knows of the runtime it runs on: its environment variables and
// its name. Nothing Node-specific is imported, so the same code runs on edge
// runtimes and in browsers, where it simply finds no variables.
interface Globals {
  process?: { env?: Record<string, string | undefined>; versions?: { node?: string; bun?: string } };
  Deno?: { version?: { deno?: string } };
  navigator?: { userAgent?: string };
  EdgeRuntime?: string;
}

/**
 * The value of an environment variable, or `undefined` when unset, empty or
 * not readable: Deno without `--allow-env` throws on every read, and a denied
 * variable counts as unset, so explicit options work without the permission.
 */
export function readEnv(name: string): string | undefined {
  let value: string | undefined;
  try {
    value = (globalThis as Globals).process?.env?.[name];
  } catch {
    return undefined;
  }
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The runtimes the SDK tells apart; the others are `"other"` (browsers among them). */
export type RuntimeKind = "node" | "bun" | "deno" | "workerd" | "edge-runtime" | "other";

// Bun, Deno and workerd (with nodejs_compat) all emulate Node's `process`, so
// each is recognised by its own marker before `process.versions.node` is trusted.
function detect(): { kind: RuntimeKind; name: string } {
  const g = globalThis as Globals;
  if (typeof g.EdgeRuntime === "string") return { kind: "edge-runtime", name: `edge-runtime/${g.EdgeRuntime}` };
  if (g.Deno?.version?.deno) return { kind: "deno", name: `deno/${g.Deno.version.deno}` };
  if (g.process?.versions?.bun) return { kind: "bun", name: `bun/${g.process.versions.bun}` };
  const agent = g.navigator?.userAgent;
  if (agent === "Cloudflare-Workers") return { kind: "workerd", name: agent };
  if (g.process?.versions?.node) return { kind: "node", name: `node/${g.process.versions.node}` };
  return { kind: "other", name: agent?.split(" ")[0] ?? "unknown-runtime" };
}

/** Which runtime this is: the client uses node:http only on `"node"`. */
export function runtimeKind(): RuntimeKind {
  return detect().kind;
}

/** `runtime/version`, for the User-Agent header (`Cloudflare-Workers` on workerd, which reports no version). */
export function runtimeName(): string {
  return detect().name;
}

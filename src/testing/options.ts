// The emulator's options: the seed, and a switch for each behaviour Twilio's
// docs leave open (docs/emulator.md gives the reasons for each default).
import { DEFAULT_MAX_BODY_BYTES } from "./limits";

/**
 * Options of `createEmulator`. Every field is optional.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ seed: 42, agentTasks: "reserved" });
 * ```
 */
export interface EmulatorOptions {
  /** Makes SIDs and credentials reproducible: the same seed and calls give the same SIDs (default 1). */
  seed?: number;
  /**
   * Emulated milliseconds a new channel stays `setup` before it becomes
   * `active` (or `failed`). Default 0: the next request sees it set up.
   */
  channelSetupMs?: number;
  /**
   * What an agent-initiated task naming a `worker_sid` becomes once the
   * channel is set up: `assigned` (default; Flex UI accepts outbound tasks
   * for the agent who started them) or `reserved` (offered, until accepted
   * with `emulator.acceptTask()`).
   */
  agentTasks?: "assigned" | "reserved";
  /**
   * Tasks still `pending` or `reserved` when their channel or agent closes:
   * `canceled` (default; TaskRouter cannot wrap or complete them) or
   * `as-accepted` (treated like accepted tasks: wrapping or completed).
   */
  unacceptedTasksOnClose?: "canceled" | "as-accepted";
  /**
   * An agent added without `RoutingProperties`: `join-open-task` (default;
   * the agent takes the channel's newest open task) or `new-task`.
   */
  agentWithoutRouting?: "join-open-task" | "new-task";
  /** Days without an update after which a channel is gone (default 180). */
  channelExpiryDays?: number;
  /**
   * Which requests reset a channel's expiry clock: `channel-updates`
   * (default; only UpdateInteractionChannel, as the docs say) or
   * `any-channel-write` (also participants, invites and transfers).
   */
  expiryResetBy?: "channel-updates" | "any-channel-write";
  /**
   * The interaction of an expired channel: `kept` (default; the docs delete
   * only the channel) or `removed` (404 too).
   */
  expiredInteraction?: "kept" | "removed";
  /** How many requests `requests()` keeps, oldest dropped first (default 1000; 0 keeps none). */
  requestLogLimit?: number;
  /**
   * The largest request body accepted, in bytes; a larger one is answered
   * 413 as soon as the cap is passed, without reading the rest. Default
   * 1,048,576 (1 MiB): Twilio publishes no limit, the largest body these APIs
   * take (a create whose `Routing` carries task attributes) is a few
   * kilobytes, and 1 MiB is the cap nginx applies by default in front of an API.
   */
  maxBodyBytes?: number;
  /**
   * Where the interaction-webhook requests go: the global `fetch` by default
   * (register a loopback URL), or your app's own `(request: Request) => Response`
   * handler, to receive the events in-process with no port.
   */
  webhookFetch?: (request: Request) => Response | Promise<Response>;
}

export type ResolvedOptions = Required<EmulatorOptions>;

const CHOICES = {
  agentTasks: ["assigned", "reserved"],
  unacceptedTasksOnClose: ["canceled", "as-accepted"],
  agentWithoutRouting: ["join-open-task", "new-task"],
  expiryResetBy: ["channel-updates", "any-channel-write"],
  expiredInteraction: ["kept", "removed"],
} as const;

const DEFAULTS: ResolvedOptions = {
  seed: 1,
  channelSetupMs: 0,
  agentTasks: "assigned",
  unacceptedTasksOnClose: "canceled",
  agentWithoutRouting: "join-open-task",
  channelExpiryDays: 180,
  expiryResetBy: "channel-updates",
  expiredInteraction: "kept",
  requestLogLimit: 1000,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  webhookFetch: (request) => fetch(request),
};

function number(name: string, value: unknown, integer: boolean): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value)))
    throw new TypeError(
      `createEmulator: ${name} must be a non-negative ${integer ? "whole " : ""}number, not ${String(value)}.`,
    );
  return value;
}

/** The options with defaults filled in; throws a TypeError naming a bad one. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  if (typeof options !== "object" || options === null)
    throw new TypeError("createEmulator takes an options object, such as { seed: 42 }.");
  const unknown = Object.keys(options).filter((key) => !(key in DEFAULTS));
  if (unknown.length)
    throw new TypeError(
      `createEmulator: unknown option ${unknown.join(", ")}. Known: ${Object.keys(DEFAULTS).join(", ")}.`,
    );
  const resolved = { ...DEFAULTS, ...options } as ResolvedOptions;
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = resolved[name as keyof typeof CHOICES];
    if (!(allowed as readonly string[]).includes(value))
      throw new TypeError(
        `createEmulator: ${name} must be ${allowed.map((a) => `"${a}"`).join(" or ")}, not ${JSON.stringify(value)}.`,
      );
  }
  number("seed", resolved.seed, true);
  number("channelSetupMs", resolved.channelSetupMs, false);
  number("channelExpiryDays", resolved.channelExpiryDays, false);
  number("requestLogLimit", resolved.requestLogLimit, true);
  number("maxBodyBytes", resolved.maxBodyBytes, true);
  if (typeof resolved.webhookFetch !== "function")
    throw new TypeError("createEmulator: webhookFetch must be a function from a Request to a Response.");
  return resolved;
}

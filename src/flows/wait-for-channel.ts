// Creating an interaction is asynchronous: the 200 means "accepted", and the
// channel goes from `setup` to `active`, or to `failed` with Twilio's error.
import type { InteractionChannel } from "../../generated/flex";
import { type ChannelLike, type FlowClient, channelOf, channelRef } from "./client";
import { ChannelSetupError } from "./errors";
import { type PollOptions, poll } from "./poll";

/**
 * Options of {@link waitForChannel}: its time limit, signal and polling pace.
 *
 * @example
 * ```ts
 * const options: WaitForChannelOptions = { timeoutMs: 15_000 };
 * ```
 */
export type WaitForChannelOptions = PollOptions;

/**
 * Waits until a new interaction's channel is active and resolves with it.
 * Polls the channel with backoff (250 ms doubling to 4 s). Throws
 * `ChannelSetupError` (with Twilio's `errorCode`/`errorMessage`) when setup
 * failed or the channel was closed first, `FlowTimeoutError` after
 * `timeoutMs` (default 30 s), `TwilioAbortError` when `signal` fires.
 * It changes nothing, so calling it again is harmless.
 *
 * Requests: GET the channel, repeated with backoff until it is active,
 * failed, closed or inactive.
 *
 * @example
 * ```ts
 * const interaction = await twilio.flex.interactions.create({ Channel, Routing });
 * const channel = await waitForChannel(twilio, interaction, { timeoutMs: 15_000 });
 * ```
 */
export function waitForChannel(
  twilio: FlowClient,
  channel: ChannelLike,
  options: WaitForChannelOptions = {},
): Promise<InteractionChannel> {
  const handle = channelOf(twilio, channel);
  let last = "setup";
  return poll(
    async (signal) => {
      const current = await handle.fetch({ signal });
      last = current.status;
      if (current.status === "active") return current;
      if (current.status === "failed" || current.status === "closed" || current.status === "inactive") {
        throw new ChannelSetupError(current);
      }
      return undefined;
    },
    options,
    () => `channel ${channelRef(channel).channelSid} to become active (last status: ${last})`,
  );
}

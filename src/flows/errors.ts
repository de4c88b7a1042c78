// Errors of the contact-centre flows. They extend TwilioError like every
// other error of the SDK, so one `instanceof TwilioError` catches them all.
import type { ChannelStatus, InteractionChannel } from "../../generated/flex";
import { TwilioError } from "../errors";

/**
 * The channel did not become active: its setup failed (`status: failed`, with
 * Twilio's `errorCode` and `errorMessage`), or it was closed or left first.
 *
 * @example
 * ```ts
 * try { await waitForChannel(twilio, interaction); }
 * catch (err) { if (err instanceof ChannelSetupError) console.error(err.errorCode, err.errorMessage); else throw err; }
 * ```
 */
export class ChannelSetupError extends TwilioError {
  override name = "ChannelSetupError";
  /** The status the channel ended in: `failed`, `closed` or `inactive`. */
  readonly status: ChannelStatus;
  /** Twilio's error code for a failed setup (for example 19025), or null. */
  readonly errorCode: number | null;
  /** Twilio's text for `errorCode`, or null. */
  readonly errorMessage: string | null;
  /** The channel as last fetched. */
  readonly channel: InteractionChannel;

  constructor(channel: InteractionChannel) {
    const reason =
      channel.status === "failed"
        ? `its setup failed${channel.error_code === null ? "" : ` with Twilio error ${channel.error_code}`}` +
          (channel.error_message ? `: ${channel.error_message}` : "")
        : `it is ${channel.status}, so it will not become active`;
    super(`Channel ${channel.sid} is not active: ${reason}. Create a new interaction to reach the customer.`);
    this.status = channel.status;
    this.errorCode = channel.error_code;
    this.errorMessage = channel.error_message || null;
    this.channel = channel;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, errorCode: this.errorCode, errorMessage: this.errorMessage };
  }
}

/**
 * A flow waited longer than its `timeoutMs` for Twilio to reach a state (a
 * channel to become active, a transfer's new agent to join). Nothing was
 * undone: the state is as the last request left it.
 *
 * @example
 * ```ts
 * try { await waitForChannel(twilio, interaction, { timeoutMs: 10_000 }); }
 * catch (err) { if (err instanceof FlowTimeoutError) console.warn(err.message); else throw err; }
 * ```
 */
export class FlowTimeoutError extends TwilioError {
  override name = "FlowTimeoutError";
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number, message: string) {
    super(message);
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

// The only module of the parity suite that names the SDK's flow functions and
// client factory: when they are renamed (closeChannel with a `tasks` option,
// createInteractionsClient taking an emulator's options), this file changes
// and the scenarios do not.
import {
  type ChannelLike,
  type InteractionsClient,
  type InteractionsClientOptions,
  type Sid,
  type TransferOptions,
  closeChannel,
  closeParticipant,
  createInteractionsClient,
  leaveChannel,
  transfer,
  waitForChannel,
} from "twilio-interactions";

export type Client = InteractionsClient;

/** A client on `baseUrls` (or Twilio's hosts) with the given credentials, sending through `fetch`. */
export function makeClient(options: InteractionsClientOptions): Client {
  return createInteractionsClient(options);
}

/** The contact-centre flows the scenarios exercise, by what they do. */
export const flows = {
  waitForChannel: (twilio: Client, channel: ChannelLike) =>
    waitForChannel(twilio, channel, { timeoutMs: 60_000, initialDelayMs: 100 }),
  closeWithWrapUp: (twilio: Client, channel: ChannelLike) => closeChannel(twilio, channel, { tasks: "wrapup" }),
  closeWithCompletion: (twilio: Client, channel: ChannelLike) => closeChannel(twilio, channel, { tasks: "complete" }),
  leave: (twilio: Client, channel: ChannelLike) => leaveChannel(twilio, channel),
  wrapUpParticipant: (twilio: Client, channel: ChannelLike, participant: Sid<"UT">) =>
    closeParticipant(twilio, channel, participant, { task: "wrapup" }),
  completeParticipant: (twilio: Client, channel: ChannelLike, participant: Sid<"UT">) =>
    closeParticipant(twilio, channel, participant, { task: "complete" }),
  transfer: (twilio: Client, channel: ChannelLike, options: TransferOptions) => transfer(twilio, channel, options),
};

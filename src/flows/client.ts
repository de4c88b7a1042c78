// The part of the client the flows use: the resource methods only, so the
// flows run wherever the client does.
import type { Interaction } from "../../generated/flex";
import type { FlexResources, InteractionChannelHandle } from "../../generated/flex-resources";
import type { ProxyResources } from "../../generated/proxy-resources";
import type { RequestOptions } from "../resource-types";
import type { Sid } from "../sid";

/**
 * What the contact-centre flows need from a client: the resource methods of
 * `createInteractionsClient()`. Pass the client itself.
 *
 * @example
 * ```ts
 * const twilio: FlowClient = createInteractionsClient();
 * ```
 */
export interface FlowClient {
  readonly flex: FlexResources;
  readonly proxy: ProxyResources;
}

/**
 * Per-call options the flows pass on to every request they send.
 *
 * @example
 * ```ts
 * await closeChannel(twilio, interaction, { tasks: "wrapup", signal: AbortSignal.timeout(5_000) });
 * ```
 */
export type FlowCallOptions = RequestOptions;

/**
 * One interaction channel: its interaction's SID and its own.
 *
 * @example
 * ```ts
 * const channel: ChannelRef = { interactionSid: "KD…", channelSid: "UO…" };
 * ```
 */
export interface ChannelRef {
  readonly interactionSid: Sid<"KD">;
  readonly channelSid: Sid<"UO">;
}

/**
 * A channel, given as a `ChannelRef` or as the interaction that
 * `interactions.create` returned (with its `channel.sid`).
 *
 * @example
 * ```ts
 * const channel: ChannelLike = await twilio.flex.interactions.create({ Channel, Routing });
 * ```
 */
export type ChannelLike = ChannelRef | Pick<Interaction, "sid" | "channel">;

/** The `ChannelRef` of a channel reference or of an interaction. */
export function channelRef(channel: ChannelLike): ChannelRef {
  return "interactionSid" in channel ? channel : { interactionSid: channel.sid, channelSid: channel.channel.sid };
}

/** The resource handle of a channel. */
export function channelOf(twilio: FlowClient, channel: ChannelLike): InteractionChannelHandle {
  const { interactionSid, channelSid } = channelRef(channel);
  return twilio.flex.interactions(interactionSid).channels(channelSid);
}

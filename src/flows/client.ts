// The part of the client the flows use: the resource methods only, so the
// flows run wherever the client does and a test double needs only these.
import type {
  Interaction,
  InteractionChannel,
  InteractionChannelInvite,
  InteractionChannelParticipant,
  InteractionRoutingParams,
} from "../../generated/flex";
import type { ProxyInteraction } from "../../generated/proxy";
import type { Sid } from "../sid";

/** Per-call options the flows pass on to every request they send. */
export interface FlowCallOptions {
  signal?: AbortSignal;
  maxRetries?: number;
}

/** An async iterable of list items, as the resource methods' `list()` returns. */
export type FlowList<Item> = AsyncIterable<Item>;

/** The resource methods of one interaction channel that the flows call. */
export interface FlowChannel {
  fetch(options?: FlowCallOptions): Promise<InteractionChannel>;
  update(
    params:
      { Status: "closed"; Routing?: { status: "closed" } } | { Status: "inactive"; Routing: { status: "closed" } },
    options?: FlowCallOptions,
  ): Promise<InteractionChannel>;
  participants: {
    (sid: Sid<"UT">): {
      update(
        params: { Status: "closed" | "wrapup" },
        options?: FlowCallOptions,
      ): Promise<InteractionChannelParticipant>;
    };
    list(params?: { limit?: number; signal?: AbortSignal }): FlowList<InteractionChannelParticipant>;
  };
  invites: {
    create(params: { Routing: InteractionRoutingParams }, options?: FlowCallOptions): Promise<InteractionChannelInvite>;
  };
}

/**
 * What the contact-centre flows need from a client: the resource methods of
 * `createInteractionsClient()`. Pass the client itself.
 */
export interface FlowClient {
  readonly flex: {
    interactions(sid: Sid<"KD">): {
      fetch(options?: FlowCallOptions): Promise<Interaction>;
      channels(sid: Sid<"UO">): FlowChannel;
    };
  };
  readonly proxy: {
    services(sid: Sid<"KS">): {
      sessions(sid: Sid<"KC">): {
        interactions: {
          (sid: Sid<"KI">): { remove(options?: FlowCallOptions): Promise<unknown> };
          list(params?: { limit?: number; signal?: AbortSignal }): FlowList<ProxyInteraction>;
        };
      };
    };
  };
}

/** One interaction channel: its interaction's SID and its own. */
export interface ChannelRef {
  readonly interactionSid: Sid<"KD">;
  readonly channelSid: Sid<"UO">;
}

/**
 * A channel reference from a `ChannelRef` or from an interaction (as
 * `interactions.create` returns it, with its `channel.sid`).
 */
export type ChannelLike = ChannelRef | Pick<Interaction, "sid" | "channel">;

/** The `ChannelRef` of a channel reference or of an interaction. */
export function channelRef(channel: ChannelLike): ChannelRef {
  return "interactionSid" in channel ? channel : { interactionSid: channel.sid, channelSid: channel.channel.sid };
}

/** The resource handle of a channel. */
export function channelOf(twilio: FlowClient, channel: ChannelLike): FlowChannel {
  const { interactionSid, channelSid } = channelRef(channel);
  return twilio.flex.interactions(interactionSid).channels(channelSid);
}

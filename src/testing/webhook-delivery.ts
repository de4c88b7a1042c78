// Sends the interaction events that the emulator's state changes cause to
// the webhooks that subscribed to them, signed as Twilio signs its requests
// (X-Twilio-Signature with the emulator's Auth Token), one at a time and in
// order. The parameters are read when the change happens; delivery follows
// asynchronously, as Twilio's does: `flush()` waits for it.
import { twilioSignature } from "../webhooks/signature";
import type { EmulatorEvent } from "./events";
import { type ChannelRecord, type FlexModel, participantSidOf } from "./flex-model";
import { conversationOf } from "./task-json";
import type { WebhookRegistry } from "./flex-webhooks";

/**
 * Where the emulator sends webhook requests: a fetch, or your app's own handler.
 *
 * @example
 * ```ts
 * const send: WebhookSender = (request) => app.fetch(request);
 * ```
 */
export type WebhookSender = (request: Request) => Response | Promise<Response>;

/**
 * One interaction-webhook request the emulator sent, and how it was answered.
 *
 * @example
 * ```ts
 * await emulator.flushWebhooks();
 * const [delivery] = emulator.webhookDeliveries(); // { eventType: "onParticipantLeft", status: 204, … }
 * ```
 */
export interface WebhookDelivery {
  readonly eventType: string;
  readonly ttid: string;
  readonly method: "GET" | "POST";
  /** The URL called, with the event's parameters in it for a GET. */
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
  /** The receiver's status, or null when the request failed. */
  readonly status: number | null;
  /** Why the request failed (network error, timeout), when it did. */
  readonly error?: string;
}

type Params = Record<string, string>;

// Twilio documents neither a timeout nor retries for these webhooks: one
// attempt, cut off after 15 s (Twilio's usual webhook read timeout).
const TIMEOUT_MS = 15_000;

export class WebhookDispatcher {
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;
  #log: WebhookDelivery[] = [];

  constructor(
    private readonly model: FlexModel,
    private readonly registry: WebhookRegistry,
    private readonly account: { readonly accountSid: string; readonly authToken: string },
    private readonly send: WebhookSender,
  ) {}

  /** The events an emulator state change causes, as Flex names them. */
  onEvent(event: EmulatorEvent): void {
    if (event.type === "interaction.created") {
      const channel = this.model.channels.get(event.channelSid);
      if (!channel) return;
      this.#emit(channel, "onInteractionCreated", () => {
        const { ChannelSid: _channel, ...interaction } = this.#channelParams(channel);
        return interaction;
      });
      this.#emit(channel, "onChannelCreated", () => this.#channelParams(channel));
    } else if (event.type === "channel.status" && event.from !== event.to) {
      const channel = this.model.channels.get(event.channelSid);
      if (!channel) return;
      if (event.to === "failed") {
        this.#emit(channel, "onChannelCreateFailed", () => {
          const { InstanceSid: _instance, ...params } = this.#channelParams(channel);
          return { ...params, ErrorCode: String(channel.error?.code ?? 0), ErrorMessage: channel.error?.message ?? "" };
        });
      } else {
        this.#emit(channel, "onChannelStatusUpdated", () => ({
          ...this.#channelParams(channel),
          ChannelStatus: event.to,
        }));
      }
    } else if (event.type === "participant.added" || event.type === "participant.status") {
      const channel = this.model.channels.get(event.channelSid);
      if (!channel) return;
      // A participant closed has left the channel; any other change (wrap-up) is an update.
      const eventType =
        event.type === "participant.added"
          ? "onParticipantJoined"
          : event.to === "closed"
            ? "onParticipantLeft"
            : "onParticipantUpdated";
      // Looked up only for a webhook that wants the event: a channel's participants may be only counted so far.
      this.#emit(channel, eventType, () => {
        const participant = this.model
          .participantsOf(channel)
          .find((p) => participantSidOf(channel, p) === event.participantSid)!;
        const { InstanceSid: _instance, ...params } = this.#channelParams(channel);
        return {
          ...params,
          ParticipantSid: event.participantSid,
          ParticipantType: participant.type,
          ...(participant.task && { TaskSid: participant.task.sid }),
        };
      });
    }
  }

  #channelParams(channel: ChannelRecord): Params {
    return {
      AccountSid: this.account.accountSid,
      InstanceSid: this.model.standIn("GO"),
      InteractionSid: channel.interactionSid,
      ChannelSid: channel.sid,
      MediaChannelSid: conversationOf(channel),
      MediaChannelType: channel.type,
    };
  }

  // The parameters are built only when a webhook wants the event, and now, not at delivery.
  #emit(channel: ChannelRecord, eventType: string, paramsOf: () => Params): void {
    const ttid = this.model.interactions.get(channel.interactionSid)?.webhookTtid ?? null;
    const hooks = this.registry
      .all()
      .filter((hook) => hook.events.includes(eventType) && (hook.type === "global" || hook.ttid === ttid));
    if (hooks.length === 0) return;
    const params = { EventType: eventType, ...paramsOf() };
    for (const hook of hooks) {
      const target = { ttid: hook.ttid, method: hook.method, url: hook.url, eventType };
      this.#pending++;
      this.#queue = this.#queue.then(() => this.#deliver(target, params)).finally(() => this.#pending--);
    }
  }

  async #deliver(hook: Omit<WebhookDelivery, "params" | "status">, params: Params): Promise<void> {
    let url = hook.url;
    let status: number | null = null;
    let error: string | undefined;
    try {
      const get = hook.method === "GET";
      if (get) url += `${url.includes("?") ? "&" : "?"}${new URLSearchParams(params)}`;
      const signature = await twilioSignature(this.account.authToken, url, get ? {} : params);
      const headers: Record<string, string> = { "x-twilio-signature": signature, "user-agent": "TwilioProxy/1.1" };
      if (!get) headers["content-type"] = "application/x-www-form-urlencoded";
      const request = new Request(url, {
        method: hook.method,
        headers,
        body: get ? undefined : new URLSearchParams(params),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const response = await this.send(request);
      status = response.status;
      await response.body?.cancel();
    } catch (cause) {
      // A receiver that fails must not break the emulator: the delivery records it.
      error = cause instanceof Error ? cause.message : String(cause);
    }
    this.#log.push({ ...hook, url, params, status, ...(error !== undefined && { error }) });
  }

  /** Resolves once every request caused so far (and by the receivers' own calls meanwhile) is answered. */
  async flush(): Promise<void> {
    while (this.#pending > 0) await this.#queue;
  }

  deliveries(): WebhookDelivery[] {
    return [...this.#log];
  }

  clear(): void {
    this.#log = [];
  }
}

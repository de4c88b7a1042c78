// State changes inside the emulator, as events: tests can watch them, and the
// webhook delivery of interaction events can hang off the same hook. An event
// a request causes goes out once the request has succeeded (see journal.ts).
import type { Journal } from "./journal";

/**
 * Something that changed in the emulated contact centre.
 *
 * @example
 * ```ts
 * const stop = emulator.subscribe((event) => {
 *   if (event.type === "task.status") console.log(event.taskSid, event.from, "→", event.to);
 * });
 * ```
 */
export type EmulatorEvent =
  | { readonly type: "interaction.created"; readonly interactionSid: string; readonly channelSid: string }
  | {
      readonly type: "channel.status";
      readonly interactionSid: string;
      readonly channelSid: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly type: "task.status";
      readonly taskSid: string;
      readonly channelSid: string;
      readonly from: string | null;
      readonly to: string;
    }
  | {
      readonly type: "participant.added";
      readonly channelSid: string;
      readonly participantSid: string;
      readonly participantType: string;
    }
  | {
      readonly type: "participant.status";
      readonly channelSid: string;
      readonly participantSid: string;
      readonly to: string;
    }
  | {
      readonly type: "invite.created";
      readonly channelSid: string;
      readonly inviteSid: string;
      readonly taskSid: string;
    }
  | { readonly type: "transfer.status"; readonly channelSid: string; readonly transferSid: string; readonly to: string }
  | { readonly type: "proxy.interaction.deleted"; readonly sessionSid: string; readonly interactionSid: string };

export type EventListener = (event: EmulatorEvent) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();

  constructor(private readonly journal: Journal) {}

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: EmulatorEvent): void {
    if (this.#listeners.size > 0) this.journal.afterCommit(() => this.#deliver(event));
  }

  #deliver(event: EmulatorEvent): void {
    // A listener that throws must not break the request that caused the event.
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // ignored on purpose: see above
      }
    }
  }
}

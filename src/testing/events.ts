// State changes inside the emulator, as events: tests can watch them, and the
// webhook delivery of interaction events can hang off the same hook. An event
// a request causes goes out once the request has succeeded (see journal.ts).
import type { Journal } from "./journal";
import type { Sid } from "./sids";

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
  | { readonly type: "interaction.created"; readonly interactionSid: Sid<"KD">; readonly channelSid: Sid<"UO"> }
  | {
      readonly type: "channel.status";
      readonly interactionSid: Sid<"KD">;
      readonly channelSid: Sid<"UO">;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly type: "task.status";
      readonly taskSid: Sid<"WT">;
      readonly channelSid: Sid<"UO">;
      readonly from: string | null;
      readonly to: string;
    }
  | {
      readonly type: "participant.added";
      readonly channelSid: Sid<"UO">;
      readonly participantSid: Sid<"UT">;
      readonly participantType: string;
    }
  | {
      readonly type: "participant.status";
      readonly channelSid: Sid<"UO">;
      readonly participantSid: Sid<"UT">;
      readonly to: string;
    }
  | {
      readonly type: "invite.created";
      readonly channelSid: Sid<"UO">;
      readonly inviteSid: Sid<"KG">;
      readonly taskSid: Sid<"WT">;
    }
  | {
      readonly type: "transfer.status";
      readonly channelSid: Sid<"UO">;
      readonly transferSid: Sid<"UX">;
      readonly to: string;
    }
  | {
      readonly type: "proxy.interaction.deleted";
      readonly sessionSid: Sid<"KC">;
      readonly interactionSid: Sid<"KI">;
    };

/** An event as the models raise it: their records hold SIDs as plain strings (made with the right prefix). */
export type RaisedEvent = EmulatorEvent extends infer E
  ? E extends unknown
    ? { readonly [K in keyof E]: K extends `${string}Sid` ? string : E[K] }
    : never
  : never;

export type EventListener = (event: EmulatorEvent) => void;

const always = () => true;

export class EventHub {
  // Each listener, and whether it wants events now.
  readonly #listeners = new Map<EventListener, () => boolean>();

  constructor(private readonly journal: Journal) {}

  /**
   * Calls `listener` on every event raised while `wanted()` is true: an event nobody wants (webhook
   * delivery with no webhook registered) costs nothing beyond that check.
   */
  subscribe(listener: EventListener, wanted: () => boolean = always): () => void {
    this.#listeners.set(listener, wanted);
    return () => this.#listeners.delete(listener);
  }

  /** Whether an event raised now goes anywhere: an event that costs something to describe is raised only then. */
  get listening(): boolean {
    for (const wanted of this.#listeners.values()) if (wanted()) return true;
    return false;
  }

  emit(raised: RaisedEvent): void {
    const event = raised as EmulatorEvent;
    if (this.listening) this.journal.afterCommit(() => this.#deliver(event));
  }

  #deliver(event: EmulatorEvent): void {
    // A listener that throws must not break the request that caused the event.
    for (const [listener, wanted] of this.#listeners) {
      try {
        if (wanted()) listener(event);
      } catch {
        // ignored on purpose: see above
      }
    }
  }
}

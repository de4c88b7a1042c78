// What a parity run created, noted from the answers themselves (so a scenario
// that fails halfway leaves nothing untracked), and how it is undone: every
// channel it created is closed with its tasks completed, every webhook it
// registered is deleted. Nothing it did not create is touched.
import type { Sid } from "twilio-interactions";
import type { Client } from "./sdk.mts";
import type { ExchangeListener } from "./recorder.mts";

interface CreatedChannel {
  interactionSid: Sid<"KD">;
  channelSid: Sid<"UO">;
  closed: boolean;
}

/** What the cleanup did. */
export interface CleanupSummary {
  closedChannels: number;
  deletedWebhooks: number;
  /** What could not be undone, with the reason: the user must see to these. */
  left: string[];
}

/**
 * Tracks the interactions and webhooks a run creates.
 *
 * @example
 * ```ts
 * const tracker = new Tracker();
 * recorder.onExchange(tracker.listener);
 * // … run the scenarios …
 * const summary = await tracker.cleanUp(twilio);
 * ```
 */
export class Tracker {
  private channels = new Map<string, CreatedChannel>();
  private webhooks = new Map<string, { instanceSid: Sid<"GO">; ttid: string }>();

  /** Give this to `recorder.onExchange`. */
  readonly listener: ExchangeListener = (ref, status, body) => {
    const answer = (body ?? {}) as Record<string, any>;
    const ok = status >= 200 && status < 300;
    if (ref.operationId === "CreateInteraction" && ok && answer.sid && answer.channel?.sid) {
      this.channels.set(answer.channel.sid, {
        interactionSid: answer.sid,
        channelSid: answer.channel.sid,
        closed: false,
      });
    } else if (ref.operationId === "CreateInteractionWebhook" && ok && answer.ttid) {
      this.webhooks.set(answer.ttid, { instanceSid: ref.pathParams.InstanceSid as Sid<"GO">, ttid: answer.ttid });
    } else if (ref.operationId === "DeleteInteractionWebhook" && (ok || status === 404)) {
      this.webhooks.delete(ref.pathParams.Ttid!);
    }
    this.noteChannels(body);
  };

  // A tracked channel seen closed needs no cleanup (lists and fetches both show it).
  private noteChannels(value: unknown): void {
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const list = Array.isArray(record.channels) ? record.channels : [record];
    for (const item of list as Record<string, unknown>[]) {
      const tracked = typeof item?.sid === "string" ? this.channels.get(item.sid) : undefined;
      if (tracked && (item.status === "closed" || item.status === "failed")) tracked.closed = true;
    }
  }

  /** How many created things are still open. */
  get open(): number {
    return [...this.channels.values()].filter((c) => !c.closed).length + this.webhooks.size;
  }

  /**
   * Closes every created channel that is not closed (completing its tasks)
   * and deletes every registered webhook still there. Never throws: what it
   * could not undo is listed in `left`.
   */
  async cleanUp(twilio: Client): Promise<CleanupSummary> {
    const summary: CleanupSummary = { closedChannels: 0, deletedWebhooks: 0, left: [] };
    for (const channel of this.channels.values()) {
      if (channel.closed) continue;
      const handle = twilio.flex.interactions(channel.interactionSid).channels(channel.channelSid);
      try {
        const current = await handle.fetch();
        if (current.status !== "closed" && current.status !== "failed") {
          await handle.update({ Status: "closed", Routing: { status: "closed" } });
          summary.closedChannels += 1;
        }
        channel.closed = true;
      } catch (error) {
        summary.left.push(`channel ${channel.channelSid} of interaction ${channel.interactionSid}: ${reason(error)}`);
      }
    }
    for (const { instanceSid, ttid } of [...this.webhooks.values()]) {
      try {
        await twilio.flex.instances(instanceSid).interactionWebhooks(ttid).remove();
        summary.deletedWebhooks += 1;
      } catch (error) {
        summary.left.push(`interaction webhook ${ttid} of Flex instance ${instanceSid}: ${reason(error)}`);
      }
    }
    return summary;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

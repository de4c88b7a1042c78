// The emulated Proxy API: sessions seeded by `emulator.proxySession()` with
// message and call interactions (one-sided ones too, with null fields on the
// missing leg, as Twilio's MessageInteraction examples show), listed in pages,
// fetched and deleted.
import type { EventHub } from "./events";
import { notFound } from "./exchange";
import type { Handler, HandlerContext } from "./handler";
import type { Journal } from "./journal";
import { type ListSource, listPage } from "./paging";
import type { Sid, SidFactory } from "./sids";

interface Leg {
  participantSid: string;
  resourceSid: string;
  status: string;
}

interface ProxyInteractionRecord {
  readonly sid: string;
  readonly seq: number;
  readonly type: "message" | "voice";
  readonly data: string;
  readonly inbound: Leg | null;
  readonly outbound: Leg | null;
  readonly created: number;
}

interface SessionRecord {
  readonly sid: string;
  readonly serviceSid: string;
  readonly interactions: ProxyInteractionRecord[];
  /** Every SID ever listed here and its position, so a page token outlives a deleted interaction. */
  readonly seqs: Map<string, number>;
}

/**
 * Options of `emulator.proxySession()`.
 *
 * @example
 * ```ts
 * const { serviceSid, sessionSid } = emulator.proxySession({ interactions: 120 });
 * ```
 */
export interface ProxySessionOptions {
  /** How many interactions the session holds (default 10). */
  interactions?: number;
  /** An existing service to add the session to; a new one by default. */
  serviceSid?: string;
}

/** The session `emulator.proxySession()` made. */
export interface ProxySessionInfo {
  readonly serviceSid: Sid<"KS">;
  readonly sessionSid: Sid<"KC">;
  /** Its interactions, oldest first (the order the list returns them in). */
  readonly interactionSids: readonly Sid<"KI">[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export class ProxyModel {
  readonly #sessions = new Map<string, SessionRecord>();
  #seq = 0;

  constructor(
    private readonly sids: SidFactory,
    private readonly events: EventHub,
    private readonly journal: Journal,
  ) {}

  /** A session with `count` interactions, one a minute up to now: messages and calls, every fifth one-sided. */
  seed(options: ProxySessionOptions, now: number): ProxySessionInfo {
    const count = options.interactions ?? 10;
    if (!Number.isInteger(count) || count < 0)
      throw new TypeError(`proxySession(): interactions must be a whole number, not ${String(count)}.`);
    if (options.serviceSid !== undefined && !/^KS[0-9a-fA-F]{32}$/.test(options.serviceSid))
      throw new TypeError(
        `proxySession(): serviceSid must be a Proxy Service SID (KS + 32 hex digits), not "${options.serviceSid}".`,
      );
    const session: SessionRecord = {
      sid: this.sids.sid("KC"),
      serviceSid: options.serviceSid ?? this.sids.sid("KS"),
      interactions: [],
      seqs: new Map(),
    };
    const customer = this.sids.sid("KP");
    const agent = this.sids.sid("KP");
    for (let i = 0; i < count; i++) {
      const voice = i % 2 === 1;
      const oneSided = i % 5 === 4;
      const resource = () => this.sids.sid(voice ? "CA" : "SM");
      const record: ProxyInteractionRecord = {
        sid: this.sids.sid("KI"),
        seq: ++this.#seq,
        type: voice ? "voice" : "message",
        data: JSON.stringify(voice ? { duration: String(30 + i) } : { body: `Message ${i + 1}` }),
        // A one-sided interaction: a message or call Twilio sent, with no inbound leg.
        inbound: oneSided
          ? null
          : { participantSid: customer, resourceSid: resource(), status: voice ? "completed" : "received" },
        outbound: { participantSid: agent, resourceSid: resource(), status: voice ? "completed" : "delivered" },
        created: now - (count - i) * 60_000,
      };
      session.interactions.push(record);
      session.seqs.set(record.sid, record.seq);
    }
    this.#sessions.set(session.sid, session);
    return {
      serviceSid: session.serviceSid as Sid<"KS">,
      sessionSid: session.sid as Sid<"KC">,
      interactionSids: session.interactions.map((r) => r.sid as Sid<"KI">),
    };
  }

  #session({ input }: HandlerContext): SessionRecord {
    const session = this.#sessions.get(input.path.SessionSid!);
    if (!session || session.serviceSid !== input.path.ServiceSid)
      throw notFound(`Session ${input.path.SessionSid} of service ${input.path.ServiceSid}`);
    return session;
  }

  #interaction(ctx: HandlerContext): [SessionRecord, number] {
    const session = this.#session(ctx);
    const sid = ctx.input.path.Sid!;
    const seq = session.seqs.get(sid);
    const index = seq === undefined ? -1 : session.interactions.findIndex((r) => r.seq === seq);
    if (index < 0) throw notFound(`Interaction ${sid}`);
    return [session, index];
  }

  #json(ctx: HandlerContext, session: SessionRecord, r: ProxyInteractionRecord) {
    const leg = (leg: Leg | null, type: string) => ({
      participant: leg?.participantSid ?? null,
      resource: leg?.resourceSid ?? null,
      status: leg?.status ?? null,
      type: leg ? type : null,
    });
    const kind = r.type === "voice" ? "Call" : "Message";
    const inbound = leg(r.inbound, kind);
    const outbound = leg(r.outbound, kind);
    return {
      sid: r.sid,
      session_sid: session.sid,
      service_sid: session.serviceSid,
      account_sid: ctx.accountSid,
      data: r.data,
      type: r.type,
      inbound_participant_sid: inbound.participant,
      inbound_resource_sid: inbound.resource,
      inbound_resource_status: inbound.status,
      inbound_resource_type: inbound.type,
      inbound_resource_url: null,
      outbound_participant_sid: outbound.participant,
      outbound_resource_sid: outbound.resource,
      outbound_resource_status: outbound.status,
      outbound_resource_type: outbound.type,
      outbound_resource_url: null,
      date_created: iso(r.created),
      date_updated: iso(r.created),
      url: `${this.#listUrl(ctx, session)}/${r.sid}`,
    };
  }

  #listUrl(ctx: HandlerContext, session: SessionRecord): string {
    return `${ctx.base}/v1/Services/${session.serviceSid}/Sessions/${session.sid}/Interactions`;
  }

  handlers(): Record<string, Handler> {
    return {
      ListProxyInteraction: (ctx) => {
        const session = this.#session(ctx);
        const source: ListSource<ProxyInteractionRecord> = {
          items: session.interactions,
          sidOf: (r) => r.sid,
          seqOf: (r) => r.seq,
          seqOfSid: (sid) => session.seqs.get(sid),
        };
        return listPage(source, ctx.input.query, this.#listUrl(ctx, session), "interactions", (r) =>
          this.#json(ctx, session, r),
        );
      },
      FetchProxyInteraction: (ctx) => {
        const [session, index] = this.#interaction(ctx);
        return this.#json(ctx, session, session.interactions[index]!);
      },
      DeleteProxyInteraction: (ctx) => {
        const [session, index] = this.#interaction(ctx);
        const [removed] = session.interactions.splice(index, 1);
        this.journal.onUndo(() => session.interactions.splice(index, 0, removed!));
        this.events.emit({ type: "proxy.interaction.deleted", sessionSid: session.sid, interactionSid: removed!.sid });
        return undefined;
      },
    };
  }

  clear(): void {
    this.#sessions.clear();
    this.#seq = 0;
  }
}

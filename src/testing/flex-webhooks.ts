// The interaction webhooks of the emulated Flex instance and the handlers of
// their five operations. The emulator has one Flex instance (the `GO…` SID
// `emulator.flexInstanceSid` names); another instance SID answers 404, as
// another account's would.
import { invalid, notFound } from "./exchange";
import type { FlexModel } from "./flex-model";
import type { Handler, HandlerContext } from "./handler";
import type { Journal } from "./journal";
import { clip } from "./limits";
import { type ListSource, listPage } from "./paging";

export interface WebhookRecord {
  readonly ttid: string;
  readonly type: "global" | "interaction";
  url: string;
  method: "GET" | "POST";
  events: string[];
  friendlyName: string | null;
  /** Creation order, for paging. */
  readonly seq: number;
}

/** The webhooks registered on the emulated instance, in creation order. */
export class WebhookRegistry {
  readonly #byTtid = new Map<string, WebhookRecord>();
  #seq = 0;

  constructor(private readonly journal: Journal) {}

  add(record: Omit<WebhookRecord, "seq">): WebhookRecord {
    const stored = { ...record, seq: this.#seq++ };
    this.journal.add(this.#byTtid, stored.ttid, stored);
    this.journal.onUndo(() => this.#seq--);
    return stored;
  }

  get(ttid: string): WebhookRecord | undefined {
    return this.#byTtid.get(ttid);
  }

  remove(ttid: string): boolean {
    const hook = this.#byTtid.get(ttid);
    if (!hook) return false;
    this.#byTtid.delete(ttid);
    // Back in its place: the list is in creation order.
    this.journal.onUndo(() => {
      const all = [...this.#byTtid.values(), hook].sort((a, b) => a.seq - b.seq);
      this.#byTtid.clear();
      for (const item of all) this.#byTtid.set(item.ttid, item);
    });
    return true;
  }

  get size(): number {
    return this.#byTtid.size;
  }

  all(): WebhookRecord[] {
    return [...this.#byTtid.values()];
  }

  clear(): void {
    this.#byTtid.clear();
    this.#seq = 0;
  }
}

const collectionUrl = (base: string, instanceSid: string) => `${base}/v1/Instances/${instanceSid}/InteractionWebhooks`;

function webhookJson(ctx: HandlerContext, instanceSid: string, hook: WebhookRecord) {
  return {
    ttid: hook.ttid,
    account_sid: ctx.accountSid,
    instance_sid: instanceSid,
    webhook_url: hook.url,
    webhook_events: hook.events,
    webhook_method: hook.method,
    type: hook.type,
    // Twilio's examples show the name only when one was given.
    ...(hook.friendlyName !== null && { friendly_name: hook.friendlyName }),
    url: `${collectionUrl(ctx.base, instanceSid)}/${hook.ttid}`,
  };
}

// Flex calls a webhook over HTTP: another scheme (file:, javascript:, data:) names nothing it could call,
// and a user name or password in the URL would be a secret stored and shown in every answer.
function checkedUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const url = new URL(text); // the spec's `format: uri` has been checked
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw invalid(`Invalid parameter WebhookUrl: must be an http or https URL, not ${clip(url.protocol)}`);
  if (url.username !== "" || url.password !== "")
    throw invalid("Invalid parameter WebhookUrl: must not carry a user name or password");
  return text;
}

function instanceOf(model: FlexModel, ctx: HandlerContext): string {
  const instanceSid = ctx.input.path.InstanceSid!;
  if (instanceSid !== model.standIn("GO")) throw notFound(`Flex instance ${instanceSid}`);
  return instanceSid;
}

function webhookOf(registry: WebhookRegistry, ctx: HandlerContext): WebhookRecord {
  const hook = registry.get(ctx.input.path.Ttid!);
  if (!hook) throw notFound(`Interaction webhook ${ctx.input.path.Ttid}`);
  return hook;
}

function source(items: WebhookRecord[], registry: WebhookRegistry): ListSource<WebhookRecord> {
  return {
    items,
    sidOf: (hook) => hook.ttid,
    seqOf: (hook) => hook.seq,
    seqOfSid: (ttid) => registry.get(ttid)?.seq,
  };
}

/** Handlers of Create/List/Fetch/Update/DeleteInteractionWebhook. */
export function webhookHandlers(model: FlexModel, registry: WebhookRegistry): Record<string, Handler> {
  return {
    CreateInteractionWebhook: (ctx) => {
      const instanceSid = instanceOf(model, ctx);
      const body = ctx.input.body as Record<string, string | string[] | undefined>;
      const url = checkedUrl(body.WebhookUrl as string)!;
      const hook = registry.add({
        // A ULID-like suffix, like the ttids Twilio shows.
        ttid: `flex_interactionwebhook_${model.sids.hex(26)}`,
        type: (body.Type as WebhookRecord["type"] | undefined) ?? "global",
        url,
        method: body.WebhookMethod as WebhookRecord["method"],
        events: [...new Set(body.WebhookEvents as string[])],
        friendlyName: (body.FriendlyName as string | undefined) ?? null,
      });
      return webhookJson(ctx, instanceSid, hook);
    },
    ListInteractionWebhook: (ctx) => {
      const instanceSid = instanceOf(model, ctx);
      const type = ctx.input.query.type;
      const items = registry.all().filter((hook) => type === undefined || hook.type === type);
      return listPage(source(items, registry), ctx.input.query, collectionUrl(ctx.base, instanceSid), "data", (hook) =>
        webhookJson(ctx, instanceSid, hook),
      );
    },
    FetchInteractionWebhook: (ctx) => webhookJson(ctx, instanceOf(model, ctx), webhookOf(registry, ctx)),
    UpdateInteractionWebhook: (ctx) => {
      const instanceSid = instanceOf(model, ctx);
      const hook = webhookOf(registry, ctx);
      const body = ctx.input.body as Record<string, string | string[] | undefined>;
      const url = checkedUrl(body.WebhookUrl as string | undefined);
      model.journal.keep(hook);
      if (url !== undefined) hook.url = url;
      if (body.WebhookMethod !== undefined) hook.method = body.WebhookMethod as WebhookRecord["method"];
      // The list is replaced, as Twilio's example answer suggests (spec: UpdateInteractionWebhook).
      if (body.WebhookEvents !== undefined) hook.events = [...new Set(body.WebhookEvents as string[])];
      if (body.FriendlyName !== undefined) hook.friendlyName = body.FriendlyName as string;
      return webhookJson(ctx, instanceSid, hook);
    },
    DeleteInteractionWebhook: (ctx) => {
      instanceOf(model, ctx);
      registry.remove(webhookOf(registry, ctx).ttid);
      return undefined;
    },
  };
}

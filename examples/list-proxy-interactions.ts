/**
 * Pages through the interactions (messages and calls) logged in a Proxy
 * session. `paginate` follows `meta.next_page_url` for you, fetching the next
 * page while you work on the current one; `.pages()` gives whole pages and
 * `.toArray()` collects everything.
 *
 * Run: npx tsx examples/list-proxy-interactions.ts
 * Reads: TWILIO_PROXY_SERVICE_SID, TWILIO_PROXY_SESSION_SID, and the client variables (see "Examples" in README.md).
 */
import type { InteractionsClient, Sid, ProxyApi } from "twilio-interactions";
import { clientFromEnv, runIfMain, sidFromEnv } from "./support/standalone";

/** A Proxy session: the service it belongs to and its own SID. */
export interface ProxySession {
  serviceSid: Sid<"KS">;
  sessionSid: Sid<"KC">;
}

/**
 * Reads the session's interactions, newest first, up to `limit` of them.
 *
 * @example
 * ```ts
 * const interactions = await listProxyInteractions(twilio, { serviceSid: "KS…", sessionSid: "KC…" }, 100);
 * ```
 */
export async function listProxyInteractions(
  twilio: InteractionsClient,
  session: ProxySession,
  limit?: number,
): Promise<ProxyApi.ProxyInteraction[]> {
  const interactions: ProxyApi.ProxyInteraction[] = [];
  const logged = twilio.proxy.services(session.serviceSid).sessions(session.sessionSid).interactions;
  for await (const interaction of logged.list({ limit })) interactions.push(interaction);
  return interactions;
}

/**
 * The session from `TWILIO_PROXY_SERVICE_SID` and `TWILIO_PROXY_SESSION_SID`.
 *
 * @example
 * ```ts
 * const session = proxySessionFromEnv();
 * ```
 */
export function proxySessionFromEnv(): ProxySession {
  return {
    serviceSid: sidFromEnv("TWILIO_PROXY_SERVICE_SID", "KS"),
    sessionSid: sidFromEnv("TWILIO_PROXY_SESSION_SID", "KC"),
  };
}

runIfMain(import.meta.url, async () => {
  const interactions = await listProxyInteractions(clientFromEnv(), proxySessionFromEnv());
  for (const { sid, type, date_created, data } of interactions) console.log(sid, type, date_created, data);
  console.log(`${interactions.length} interaction(s)`);
});

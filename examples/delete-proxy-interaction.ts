/**
 * Deletes one interaction from a Proxy session's log. The Message or Call
 * records behind it stay in your account, but Proxy no longer lists them:
 * delete those separately if you need them gone too.
 *
 * Run: npx tsx examples/delete-proxy-interaction.ts
 * Reads: TWILIO_PROXY_SERVICE_SID, TWILIO_PROXY_SESSION_SID, TWILIO_PROXY_INTERACTION_SID,
 * and the client variables (see "Examples" in README.md).
 */
import type { InteractionsClient, Sid } from "twilio-interactions";
import { type ProxySession, proxySessionFromEnv } from "./list-proxy-interactions";
import { clientFromEnv, runIfMain, sidFromEnv } from "./support/standalone";

/**
 * Deletes the interaction; resolves with the HTTP status (204) once Twilio has
 * deleted it, and throws a `TwilioApiError` (a `NotFoundError` for an unknown
 * SID) otherwise.
 *
 * @example
 * ```ts
 * await deleteProxyInteraction(twilio, { serviceSid, sessionSid }, "KI…");
 * ```
 */
export async function deleteProxyInteraction(
  twilio: InteractionsClient,
  session: ProxySession,
  interactionSid: Sid<"KI">,
): Promise<number> {
  const { services } = twilio.proxy;
  const removal = services(session.serviceSid).sessions(session.sessionSid).interactions(interactionSid).remove();
  const { response } = await removal.withResponse();
  return response.status;
}

runIfMain(import.meta.url, async () => {
  const sid = sidFromEnv("TWILIO_PROXY_INTERACTION_SID", "KI");
  const status = await deleteProxyInteraction(clientFromEnv(), proxySessionFromEnv(), sid);
  console.log(`Deleted interaction ${sid} (HTTP ${status})`);
});

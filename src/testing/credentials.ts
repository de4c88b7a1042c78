// The credentials an emulator accepts, made from its seed, and the Basic
// authentication check of every request (both of Twilio's credential forms).
import type { Sid, SidFactory } from "./sids";

/** Account SID and Auth Token, in the shape `createInteractionsClient` takes. */
export interface EmulatorCredentials {
  readonly accountSid: Sid<"AC">;
  readonly authToken: string;
}

/** API Key SID and secret (with the Account SID they belong to). */
export interface EmulatorApiKey {
  readonly accountSid: Sid<"AC">;
  readonly apiKey: Sid<"SK">;
  readonly apiSecret: string;
}

export interface CredentialSet {
  readonly account: EmulatorCredentials;
  readonly apiKey: EmulatorApiKey;
  /** The Authorization header each credential gives as clients write it, matched before any is decoded. */
  readonly headers: ReadonlyMap<string, "account" | "apiKey">;
}

export function makeCredentials(ids: SidFactory): CredentialSet {
  const accountSid = ids.sid("AC");
  const account = { accountSid, authToken: ids.hex(32) };
  const apiKey = { accountSid, apiKey: ids.sid("SK"), apiSecret: ids.hex(32) };
  const headers = new Map([
    [`Basic ${btoa(`${accountSid}:${account.authToken}`)}`, "account"],
    [`Basic ${btoa(`${apiKey.apiKey}:${apiKey.apiSecret}`)}`, "apiKey"],
  ] as const);
  return { account, apiKey, headers };
}

/** Which credential a request's Authorization header carries, or `null` if none of ours. */
export function authenticate(header: string | undefined, set: CredentialSet): "account" | "apiKey" | null {
  const usual = header === undefined ? undefined : set.headers.get(header);
  if (usual) return usual;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  let decoded: string;
  try {
    decoded = atob(match[1]!);
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  const user = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (colon < 0) return null;
  if (user === set.account.accountSid && secret === set.account.authToken) return "account";
  if (user === set.apiKey.apiKey && secret === set.apiKey.apiSecret) return "apiKey";
  return null;
}

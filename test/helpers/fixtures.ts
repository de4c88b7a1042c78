// Credentials and SIDs shared by the runtime tests. The secrets are
// distinctive so that a leak is easy to search for.
import type { Sid } from "../../src/index";

export const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
export const AUTH_TOKEN = "tok3n5ecretV4lue0123456789abcdefZ";
export const API_KEY = "SK0123456789abcdef0123456789abcdef";
export const API_SECRET = "ap1S3cretW0rth5ecur1ng0123456789";
export const INTERACTION_SID: Sid<"KD"> = "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const CHANNEL_SID: Sid<"UO"> = "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const PARTICIPANT_SID: Sid<"UT"> = "UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const SERVICE_SID: Sid<"KS"> = "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const SESSION_SID: Sid<"KC"> = "KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const PROXY_INTERACTION_SID: Sid<"KI"> = "KIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/** Every form a credential can take on the wire or in text. */
export function secretForms(username: string, secret: string): string[] {
  const pair = `${username}:${secret}`;
  return [secret, pair, Buffer.from(pair).toString("base64"), encodeURIComponent(secret)];
}

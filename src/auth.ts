// Resolves and checks the credentials of a client, builds its Authorization
// header, and removes the secret from any text that could leave the SDK
// (error messages, log lines) in case a server echoes it back.
import { readEnv } from "./env";
import { REDACTED } from "./logger";
import { TwilioConfigError, describeNonSid } from "./errors";
import { isSid } from "./sid";

/** The credential options of {@link createInteractionsClient}. */
export interface CredentialOptions {
  /** Account SID (`AC…`). With `authToken`, authenticates as the account; with an API key, optional. Falls back to `TWILIO_ACCOUNT_SID`. */
  accountSid?: string;
  /** Auth Token of the account. Falls back to `TWILIO_AUTH_TOKEN`. */
  authToken?: string;
  /** API Key SID (`SK…`), recommended for production. Falls back to `TWILIO_API_KEY`. */
  apiKey?: string;
  /** Secret of the API key. Falls back to `TWILIO_API_SECRET`. */
  apiSecret?: string;
}

/** Resolved credentials. The secret lives only inside the closures. */
export interface Auth {
  /** `account` (Account SID + Auth Token) or `apiKey` (API Key SID + secret). */
  readonly kind: "account" | "apiKey";
  /** The Basic-auth user name: an `AC…` or `SK…` SID, which is not secret. */
  readonly username: string;
  /** Where the credentials came from. */
  readonly source: "options" | "environment";
  /** For a 401: which credential was sent (never the secret) and what to check, in one sentence. */
  readonly hint: string;
  /** The `Authorization` header value. */
  header(): string;
  /** `text` with every occurrence of the secret (raw or percent-encoded, in `user:secret` form, or base64) replaced. */
  redact(text: string): string;
}

interface Pair {
  user: [name: string, value: unknown];
  secret: [name: string, value: unknown];
  kind: Auth["kind"];
}

// Environment variables, in order of preference: API keys are Twilio's advice for production.
const ENV_PAIRS: [Auth["kind"], string, string][] = [
  ["apiKey", "TWILIO_API_KEY", "TWILIO_API_SECRET"],
  ["account", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"],
];

function pick(options: CredentialOptions): { pair: Pair; source: Auth["source"] } {
  const { accountSid, authToken, apiKey, apiSecret } = options;
  const keyGiven = apiKey !== undefined || apiSecret !== undefined;
  if (keyGiven && authToken !== undefined) {
    throw new TwilioConfigError(
      "Pass either { accountSid, authToken } or { apiKey, apiSecret } to createInteractionsClient, not both.",
    );
  }
  if (keyGiven) {
    return { source: "options", pair: { kind: "apiKey", user: ["apiKey", apiKey], secret: ["apiSecret", apiSecret] } };
  }
  if (accountSid !== undefined || authToken !== undefined) {
    return {
      source: "options",
      pair: { kind: "account", user: ["accountSid", accountSid], secret: ["authToken", authToken] },
    };
  }
  for (const [kind, user, secret] of ENV_PAIRS) {
    if (readEnv(user) !== undefined || readEnv(secret) !== undefined) {
      return { source: "environment", pair: { kind, user: [user, readEnv(user)], secret: [secret, readEnv(secret)] } };
    }
  }
  throw new TwilioConfigError(
    "No Twilio credentials: pass { accountSid, authToken } or { apiKey, apiSecret } to createInteractionsClient, " +
      "or set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).",
  );
}

function checkUser(kind: Auth["kind"], name: string, value: unknown): string {
  const prefix = kind === "account" ? "AC" : "SK";
  if (isSid(prefix, value)) return value;
  if (value === undefined) {
    throw new TwilioConfigError(
      `${name} is missing: it is needed with the ${kind === "account" ? "Auth Token" : "API key secret"}.`,
    );
  }
  const what = kind === "account" ? "an Account SID" : "an API Key SID";
  const hint =
    kind === "apiKey" && isSid("AC", value)
      ? " An Account SID authenticates with { accountSid, authToken } instead."
      : kind === "account" && isSid("SK", value)
        ? " An API Key SID authenticates with { apiKey, apiSecret } instead."
        : "";
  throw new TwilioConfigError(
    `${name} must be ${what} (${prefix} followed by 32 hexadecimal digits), but got ${describeNonSid(value)}.${hint}`,
  );
}

function checkSecret(name: string, value: unknown): string {
  if (value === undefined) throw new TwilioConfigError(`${name} is missing.`);
  if (typeof value !== "string") throw new TwilioConfigError(`${name} must be a string, but got a ${typeof value}.`);
  if (value.length === 0) throw new TwilioConfigError(`${name} is an empty string.`);
  if (/\s/.test(value)) {
    throw new TwilioConfigError(`${name} contains whitespace; check for a stray space or newline around it.`);
  }
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new TwilioConfigError(
      `${name} contains characters that are not printable ASCII; it cannot be a Twilio secret.`,
    );
  }
  if (/^(AC|SK)[0-9a-fA-F]{32}$/.test(value)) {
    throw new TwilioConfigError(`${name} looks like a SID, not a secret; are two credential options swapped?`);
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// A pattern for `text` in which any character may also appear percent-encoded
// (`%27` for `'`, `%2B` for `+`): a server echoing the secret into a URL, or a
// URL parser normalising it, yields such mixtures.
function percentTolerant(text: string): string {
  return [...text]
    .map((char) => {
      const hex = char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
      return `(?:${escapeRegExp(char)}|%${hex})`;
    })
    .join("");
}

/**
 * Resolves credentials from the options, else from the environment, and
 * checks them. Throws {@link TwilioConfigError} naming the problem; the
 * secret is never part of the message.
 */
export function resolveAuth(options: CredentialOptions): Auth {
  const { pair, source } = pick(options);
  const username = checkUser(pair.kind, ...pair.user);
  const secret = checkSecret(...pair.secret);
  if (pair.kind === "apiKey" && options.accountSid !== undefined)
    checkUser("account", "accountSid", options.accountSid);
  const token = btoa(`${username}:${secret}`);
  const header = `Basic ${token}`;
  // Case-insensitive: URL parsers lowercase host names and percent-encodings may use either case.
  const literalPattern = new RegExp(`${escapeRegExp(secret)}|${escapeRegExp(token)}`, "gi");
  const encodedPattern = new RegExp(`${percentTolerant(secret)}|${percentTolerant(token)}`, "gi");
  const where = source === "options" ? "the client options" : `${pair.user[0]} and ${pair.secret[0]}`;
  const hint =
    pair.kind === "apiKey"
      ? `The request carried the API key ${username} and its secret, from ${where}: check that the key still ` +
        "exists, that the secret is the one Twilio showed when the key was created, and that the key belongs " +
        "to the account and region (US1) of these resources."
      : `The request carried the Account SID ${username} and its Auth Token, from ${where}: check that the ` +
        "token is the account's current one (a rotated token stops working), that both belong to the same " +
        "account, and that they are live credentials, not test ones.";
  return {
    kind: pair.kind,
    username,
    source,
    hint,
    header: () => header,
    // Most text has no "%": the literal pattern is the cheaper search.
    redact: (text) => text.replace(text.includes("%") ? encodedPattern : literalPattern, REDACTED),
  };
}

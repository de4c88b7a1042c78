// One leak check for every fault test: collects everything a credential could
// escape through (thrown errors with their causes, error results, log lines,
// requests received by other origins) and searches all of it for every
// textual form of every test credential.
import { inspect } from "node:util";
import type { FetchResult, InteractionsClientOptions, Logger } from "twilio-interactions";
import { TwilioApiError } from "twilio-interactions";
import { ACCOUNT_SID, API_KEY, API_SECRET, AUTH_TOKEN, secretForms } from "../helpers/fixtures";
import type { ReceivedRequest } from "../helpers/server";

export interface Credential {
  label: string;
  options: InteractionsClientOptions;
  username: string;
  secret: string;
}

// Real Auth Tokens are 32 lowercase hexadecimal digits: unlike the mixed-case
// fixture, such a token survives the lowercasing of a host name, so a server
// that echoes it into a redirect or next-page host is caught too.
const HEX_AUTH_TOKEN = "9f1c3e5a7b2d4f6e8a0c1e3f5b7d9a2c";

export const CREDENTIALS: readonly Credential[] = [
  {
    label: "Account SID + Auth Token",
    options: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    username: ACCOUNT_SID,
    secret: AUTH_TOKEN,
  },
  {
    label: "API key + secret",
    options: { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET },
    username: API_KEY,
    secret: API_SECRET,
  },
  {
    label: "Account SID + lowercase hex Auth Token",
    options: { accountSid: ACCOUNT_SID, authToken: HEX_AUTH_TOKEN },
    username: ACCOUNT_SID,
    secret: HEX_AUTH_TOKEN,
  },
];

/** Every textual form of every test credential (a leak of any of them fails any test). */
export const SECRET_FORMS: readonly string[] = CREDENTIALS.flatMap((c) => secretForms(c.username, c.secret));

export function basicAuthorization(credential: Credential): string {
  return `Basic ${Buffer.from(`${credential.username}:${credential.secret}`).toString("base64")}`;
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    return `(JSON.stringify failed: ${(error as Error).message})`;
  }
}

/** What a test saw that must not contain a credential, labelled by where it came from. */
export class Evidence {
  readonly entries: { where: string; text: string }[] = [];
  readonly logLines: string[] = [];

  /** A logger for the client under test: every line and its data become evidence. */
  readonly logger: Required<Logger> = {
    debug: (message, data) => this.#log("debug", message, data),
    info: (message, data) => this.#log("info", message, data),
    warn: (message, data) => this.#log("warn", message, data),
    error: (message, data) => this.#log("error", message, data),
  };

  #log(level: string, message: string, data: Record<string, unknown> | undefined): void {
    this.logLines.push(`${level}: ${message}`);
    this.add(`log ${level}`, `${message} ${stringify(data)}`);
  }

  add(where: string, text: string): void {
    this.entries.push({ where, text });
  }

  /** An error in every form a program could print or send it, with its whole `cause` chain. */
  error(error: unknown, where = "error"): void {
    if (error === undefined) return;
    this.add(`${where} (inspect)`, inspect(error, { depth: 10, showHidden: true }));
    this.add(`${where} (JSON)`, stringify(error));
    this.add(`${where} (String)`, String(error));
    let at: unknown = error;
    for (let depth = 0; at instanceof Error && depth < 10; at = at.cause, depth++) {
      const label = `${where}${".cause".repeat(depth)}`;
      this.add(`${label}.message`, at.message);
      this.add(`${label}.stack`, String(at.stack));
      this.add(`${label} properties`, stringify(Object.fromEntries(Object.entries(at))));
      if (at instanceof TwilioApiError) {
        this.add(`${label}.headers`, stringify([...at.headers]));
        this.add(`${label}.body`, stringify(at.body));
      }
    }
  }

  /** The `{ error, response }` of a failed call: error body and response headers. */
  result(result: FetchResult): void {
    if (result.response.ok) return;
    this.add("result.error", stringify(result.error));
    this.add("result.response.headers", stringify([...result.response.headers]));
  }

  requests(where: string, requests: readonly ReceivedRequest[]): void {
    this.add(where, stringify(requests));
  }

  /** `where` of every entry that contains a credential form, with the form's kind. */
  leaks(): string[] {
    const kinds = ["secret", "user:secret", "base64(user:secret)", "URL-encoded secret"];
    const found: string[] = [];
    for (const { where, text } of this.entries) {
      // Case-insensitive: a URL parser lowercases a host name, and a lowercased secret is still the secret.
      const lower = text.toLowerCase();
      SECRET_FORMS.forEach((form, i) => {
        if (lower.includes(form.toLowerCase())) found.push(`${where} contains a ${kinds[i % kinds.length]}`);
      });
    }
    return [...new Set(found)];
  }
}

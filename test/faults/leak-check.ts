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

// A secret the client accepts (printable ASCII) that URL parsers re-encode:
// a server echoing it into a next-page URL shows it as "it%27s…".
const URL_SPECIAL_SECRET = "it's+a'S3cret~V4lue(x)!*";

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
  {
    label: "API key + secret with characters URLs encode",
    options: { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: URL_SPECIAL_SECRET },
    username: API_KEY,
    secret: URL_SPECIAL_SECRET,
  },
];

/** Every character as %XX: how a server or proxy may re-encode text it echoes into a URL. */
export function percentEncodeAll(text: string): string {
  return [...Buffer.from(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

const FORM_KINDS = ["secret", "user:secret", "base64(user:secret)", "URL-encoded secret"];

/** Every textual form of every test credential, with its kind (a leak of any of them fails any test). */
export const SECRET_FORMS: readonly { kind: string; text: string }[] = CREDENTIALS.flatMap((c) => {
  const token = Buffer.from(`${c.username}:${c.secret}`).toString("base64");
  return [
    ...secretForms(c.username, c.secret).map((text, i) => ({ kind: FORM_KINDS[i]!, text })),
    { kind: "percent-encoded secret", text: percentEncodeAll(c.secret) },
    { kind: "percent-encoded base64 token", text: percentEncodeAll(token) },
    { kind: "secret as a URL parser encodes it", text: new URL(`http://h/?q=${c.secret}`).search.slice(3) },
  ];
});

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

  /** The `{ error, response }` of a call: reason phrase, and for a failure the error body and headers. */
  result(result: FetchResult): void {
    this.add("result.response.statusText", result.response.statusText);
    if (result.response.ok) return;
    this.add("result.error", stringify(result.error));
    this.add("result.response.headers", stringify([...result.response.headers]));
  }

  requests(where: string, requests: readonly ReceivedRequest[]): void {
    this.add(where, stringify(requests));
  }

  /** `where` of every entry that contains a credential form, with the form's kind. */
  leaks(): string[] {
    const found: string[] = [];
    for (const { where, text } of this.entries) {
      // Case-insensitive: a URL parser lowercases a host name, and a lowercased secret is still the secret.
      const lower = text.toLowerCase();
      for (const form of SECRET_FORMS) {
        if (lower.includes(form.text.toLowerCase())) found.push(`${where} contains a ${form.kind}`);
      }
    }
    return [...new Set(found)];
  }
}

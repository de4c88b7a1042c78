// What the examples need when run on their own (`npx tsx examples/<file>.ts`):
// a client configured from the environment, SIDs and numbers from
// environment variables, and a way to tell "run directly" from "imported".
// "Examples" in README.md lists the variables and how to aim them at the mock.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type InteractionsClient, type Sid, createInteractionsClient, isSid } from "twilio-interactions";

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * A client with credentials from `TWILIO_ACCOUNT_SID`/`TWILIO_AUTH_TOKEN` (or
 * `TWILIO_API_KEY`/`TWILIO_API_SECRET`) and, when set, base URLs from
 * `TWILIO_FLEX_BASE_URL` and `TWILIO_PROXY_BASE_URL` (for example the URLs
 * `npm run mock` prints). Without them it talks to Twilio.
 *
 * @example
 * ```ts
 * const twilio = clientFromEnv();
 * ```
 */
export function clientFromEnv(): InteractionsClient {
  const flex = env("TWILIO_FLEX_BASE_URL");
  const proxy = env("TWILIO_PROXY_BASE_URL");
  return createInteractionsClient(flex || proxy ? { baseUrls: { flex, proxy } } : {});
}

/**
 * The SID in environment variable `name`, checked to have `prefix`.
 *
 * @example
 * ```ts
 * const interactionSid = sidFromEnv("TWILIO_INTERACTION_SID", "KD");
 * ```
 */
export function sidFromEnv<Prefix extends string>(name: string, prefix: Prefix): Sid<Prefix> {
  const value = env(name);
  if (isSid(prefix, value)) return value;
  // The value is not echoed: a secret pasted into the wrong variable must not reach the terminal.
  const problem = value === undefined ? "" : " (its value is not one)";
  throw new Error(
    `Set ${name} to a ${prefix}… SID (${prefix} and 32 hexadecimal digits)${problem}. See "Examples" in README.md.`,
  );
}

/**
 * The text in environment variable `name`; `fallback` when it is unset, and
 * an error naming the variable when there is no fallback.
 *
 * @example
 * ```ts
 * const customerNumber = textFromEnv("TWILIO_CUSTOMER_NUMBER");
 * const customerName = textFromEnv("TWILIO_CUSTOMER_NAME", "first last");
 * ```
 */
export function textFromEnv(name: string, fallback?: string): string {
  const value = env(name) ?? fallback;
  if (value === undefined) throw new Error(`Set ${name} (see "Examples" in README.md).`);
  return value;
}

/**
 * Runs `main` when the file that calls this is the program being run (not
 * when it is imported); prints its error and sets a non-zero exit code if it
 * fails.
 *
 * @example
 * ```ts
 * runIfMain(import.meta.url, async () => console.log(await createOutboundSms(clientFromEnv(), request)));
 * ```
 */
export function runIfMain(moduleUrl: string, main: () => Promise<void>): void {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  main().catch((error: unknown) => {
    const name = error instanceof Error && error.name !== "Error" ? `${error.name}: ` : "";
    console.error(`${name}${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

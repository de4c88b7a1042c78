// Twilio's request signature (X-Twilio-Signature), through WebCrypto so it runs
// on every runtime: base64 HMAC-SHA1, keyed with the Auth Token, of the URL
// followed by each parameter's name and value, sorted by name. A JSON body is
// signed through the URL instead: Twilio adds `bodySHA256`, the hex SHA-256 of
// the body, to its query string and signs the URL with no parameters.
import { withLegacyQuery } from "./legacy-query";

/**
 * Request parameters as Twilio signs them: a repeated key holds an array.
 *
 * @example
 * ```ts
 * const params: SignedParams = { EventType: "onParticipantLeft", Tag: ["a", "b"] };
 * ```
 */
export type SignedParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Parameters ready to sign: sorted by name, each with its values
 * de-duplicated and sorted. The receivers build it from a body without an
 * object in between (see params.ts).
 */
export type SortedParams = readonly (readonly [name: string, values: readonly string[]])[];

const encoder = new TextEncoder();

function base64(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Sorted by UTF-16 code units, duplicates dropped: twilio-node's `Array.from(new Set(values)).sort()`, without hashing. */
export function uniqueSorted(values: readonly string[]): string[] {
  const sorted = [...values].sort();
  return sorted.filter((value, i) => i === 0 || value !== sorted[i - 1]);
}

function sortedParams(params: SignedParams): SortedParams {
  return Object.keys(params)
    .sort()
    .map((name) => {
      const value = params[name]!;
      return [name, typeof value === "string" ? [value] : uniqueSorted(value)] as const;
    });
}

// Each parameter's name and value, in order, appended to the URL: the string
// twilio-node's validator signs.
function paramsText(params: SortedParams): string {
  let text = "";
  for (const [name, values] of params) for (const value of values) text += name + value;
  return text;
}

async function hmacKey(authToken: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
}

async function sign(key: CryptoKey, text: string): Promise<string> {
  return base64(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

/**
 * The `X-Twilio-Signature` Twilio sends with a request to `url` carrying
 * `params` (pass `{}` for a GET or a JSON body). Use it to sign requests in
 * tests; to check one, use {@link isValidTwilioSignature}.
 *
 * @example
 * ```ts
 * const signature = await twilioSignature(authToken, "https://example.org/hook", { EventType: "onParticipantLeft" });
 * ```
 */
export async function twilioSignature(authToken: string, url: string, params: SignedParams): Promise<string> {
  return sign(await hmacKey(authToken), url + paramsText(sortedParams(params)));
}

/**
 * The hex SHA-256 of a body, the `bodySHA256` query parameter Twilio adds
 * when it sends a JSON body.
 *
 * @example
 * ```ts
 * const url = `https://example.org/hook?bodySHA256=${await bodySha256(body)}`;
 * ```
 */
export async function bodySha256(body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two strings in time that depends only on their length, which is public. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

// The URLs twilio-node's validator tries, in its order: the URL as received
// without and with its default port (Twilio keeps or drops the port depending
// on the product), then the same for the URL as `new URL()` normalises it,
// and those two with the query re-encoded by Node's legacy querystring.
function withPort(url: string, keep: boolean): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return url;
  const [prefix, scheme, authority] = match as unknown as [string, string, string];
  const at = authority.lastIndexOf("@");
  const hostAndPort = authority.slice(at + 1);
  const colon = hostAndPort.indexOf(":", hostAndPort.lastIndexOf("]") + 1);
  const host = colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
  const port = colon === -1 ? "" : hostAndPort.slice(colon);
  const rest = url.slice(prefix.length);
  if (!keep) return scheme + authority.slice(0, at + 1) + host + rest;
  if (port) return url;
  return scheme + authority.slice(0, at + 1) + host + (scheme.toLowerCase() === "https://" ? ":443" : ":80") + rest;
}

function candidateUrls(url: string): string[] {
  const urls = [withPort(url, false), withPort(url, true)];
  let normalized: string | undefined;
  try {
    normalized = new URL(url).href;
  } catch {
    normalized = undefined;
  }
  if (normalized !== undefined) {
    const variants = [withPort(normalized, false), withPort(normalized, true)];
    urls.push(...variants, ...variants.map(withLegacyQuery));
  }
  return [...new Set(urls)];
}

/**
 * Whether `signature` is the signature of a request to `url` with `params`
 * (already sorted), under `authToken`: the receivers' check. Every URL
 * twilio-node would try is tried, each comparison in constant time.
 */
export async function isValidSignatureOf(
  authToken: string,
  signature: string,
  url: string,
  params: SortedParams,
): Promise<boolean> {
  const key = await hmacKey(authToken);
  const text = paramsText(params);
  let valid = false;
  for (const candidate of candidateUrls(url)) {
    if (sameText(signature, await sign(key, candidate + text))) valid = true;
  }
  return valid;
}

/**
 * Whether `signature` is Twilio's signature of a request to `url` with
 * `params`, under `authToken`. It accepts what twilio-node's
 * `validateRequest` accepts: the URL with or without its default port, as
 * given or as `new URL()` normalises it, with its query as given or
 * re-encoded by Node's legacy querystring. The comparison takes constant time.
 *
 * @example
 * ```ts
 * const ok = await isValidTwilioSignature(authToken, signature, "https://example.org/hook", { EventType: "onParticipantLeft" });
 * ```
 */
export async function isValidTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: SignedParams,
): Promise<boolean> {
  return isValidSignatureOf(authToken, signature, url, sortedParams(params));
}

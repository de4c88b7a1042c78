// The query string of a URL re-encoded the way Node's legacy `querystring`
// module does it (`stringify(parse(query))`), one of the URLs twilio-node
// tries when it checks a signature: the WHATWG parser turns a signed `'` into
// `%27`, and this round trip turns it back. Written without node:querystring
// so that it runs on every runtime, after Node 20's lib/querystring.js: at
// most 1,000 pairs, `+` is a space, `%XX` is decoded leniently, repeated names
// are gathered in JavaScript object key order (array indices first, in
// numeric order), and values are escaped as encodeURIComponent escapes them.
// Its input is a URL as `new URL()` serialises it, so it is ASCII.
import { groupPairs, type ParamGroup } from "./params";

const MAX_PAIRS = 1000;
const MAX_ARRAY_INDEX = 2 ** 32 - 2;

// querystring.unescapeBuffer: each valid %XX is a byte, anything else stays,
// and the bytes are read as UTF-8 with replacement characters.
function decodeBytes(text: string): string {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const hex = text.charCodeAt(i) === 0x25 && i < text.length - 2 ? text.slice(i + 1, i + 3) : "";
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes[length++] = parseInt(hex, 16);
      i += 2;
    } else bytes[length++] = text.charCodeAt(i);
  }
  return new TextDecoder().decode(bytes.subarray(0, length));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return decodeBytes(text);
  }
}

function queryPairs(query: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of query.split("&", MAX_PAIRS)) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const [name, value] = eq === -1 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    pairs.push([decode(name.replaceAll("+", " ")), decode(value.replaceAll("+", " "))]);
  }
  return pairs;
}

function arrayIndex(name: string): number | undefined {
  if (!/^(0|[1-9][0-9]{0,9})$/.test(name)) return undefined;
  const index = Number(name);
  return index <= MAX_ARRAY_INDEX ? index : undefined;
}

// The order of Object.keys on the object querystring.parse builds.
function objectKeyOrder(a: ParamGroup, b: ParamGroup): number {
  const [x, y] = [arrayIndex(a.name), arrayIndex(b.name)];
  if (x !== undefined && y !== undefined) return x - y;
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  return a.first - b.first;
}

/** `url` with its query re-encoded by Node's legacy `querystring` (`parse`, then `stringify`). */
export function withLegacyQuery(url: string): string {
  const start = url.indexOf("?");
  if (start === -1 || start === url.length - 1) return url;
  const groups = groupPairs(queryPairs(url.slice(start + 1))).sort(objectKeyOrder);
  const query = groups.flatMap(({ name, values }) =>
    values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
  );
  return `${url.slice(0, start)}?${query.join("&")}`;
}

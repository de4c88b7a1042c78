// Scenarios of servers that attack the client itself: bodies too big to hold
// (endless, huge, a gzip bomb), compressed or BOM-prefixed bodies both wires
// must read alike, interim 1xx answers, empty 2xx, bad Retry-After values,
// error details nested too deep to print, the credential echoed in the
// reason phrase or percent-encoded, and next-page URLs that loop in disguise.
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { json } from "../helpers/server";
import { percentEncodeAll } from "./leak-check";
import {
  BODY,
  type Exchange,
  type Scenario,
  echoed,
  failure,
  head,
  listPage,
  ok,
  pageNumber,
  pageUrl,
  raw,
} from "./replies";

// The gzip bomb: 16 MB on the wire that decode to some 16 GiB, as 16,000 gzip
// members of 1 MiB of spaces each (gzip decoders read concatenated members as
// one stream). A client that stopped only at the end could not finish in a
// test's time, and one that counted the compressed bytes would hold a GiB; one
// that stops at the decoded cap has read a sliver of the body when it hangs up,
// which the server sees: its write of the body never completes.
const BOMB_MEMBERS = 16_000;
let bomb: Buffer | undefined;
const gzipBomb = () => (bomb ??= Buffer.concat(Array(BOMB_MEMBERS).fill(gzipSync(Buffer.alloc(1024 * 1024, " ")))));

// Writes `chunk` for as long as the client reads.
function endless(x: Exchange, chunk: string): void {
  const pump = () => {
    while (!x.response.destroyed && x.response.write(chunk));
    if (!x.response.destroyed) x.response.once("drain", pump);
  };
  pump();
}

function compressed(x: Exchange, coding: string, body: Buffer): void {
  x.response.writeHead(200, { "content-type": "application/json", "content-encoding": coding }).end(body);
}

// Writes `body` a few bytes at a time, each piece after a pause, so the client reads it in several chunks.
function trickled(x: Exchange, body: Buffer, cuts: number[]): void {
  x.response.writeHead(200, { "content-type": "application/json" });
  let at = 0;
  const next = () => {
    if (x.response.destroyed) return;
    const cut = cuts.shift();
    x.response.write(body.subarray(at, cut));
    at = cut ?? body.length;
    if (cut === undefined) x.response.end();
    else setTimeout(next, 20);
  };
  next();
}

function retryAfter(value: () => string): Scenario {
  return (x) => (x.n === 1 ? failure(x, 429, { "retry-after": value() }) : ok(x));
}

// Page 1 names itself again, disguised by `disguise`; stops after 5 requests so a client that misses it ends.
function disguisedLoop(disguise: (url: string) => string): Scenario {
  return (x) => {
    if (pageNumber(x) === 0) return listPage(x, pageUrl(x, 1));
    listPage(x, x.n >= 5 ? null : disguise(pageUrl(x, 1)));
  };
}

const DEPTH = 100_000;

export const HOSTILE_SCENARIOS = {
  // Bodies too big to hold.
  "endless chunked JSON body": (x) => {
    x.response.writeHead(200, { "content-type": "application/json" });
    x.response.write('{"channels":[');
    endless(x, '{"sid":"UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","status":"active"},'.repeat(1000));
  },
  "Content-Length of 200 MB": (x) => {
    x.response.writeHead(200, { "content-type": "application/json", "content-length": 200_000_000 });
    x.response.write('{"channels":[');
  },
  "gzip bomb": (x) => {
    x.notes.sentWhole = false;
    x.response.once("finish", () => (x.notes.sentWhole = true));
    compressed(x, "gzip", gzipBomb());
  },

  // Bodies both wires must decode the same way.
  "gzip-compressed JSON": (x) => compressed(x, "gzip", gzipSync(BODY)),
  "deflate-compressed JSON": (x) => compressed(x, "deflate", deflateSync(BODY)),
  "br-compressed JSON": (x) => compressed(x, "br", brotliCompressSync(BODY)),
  "JSON after a UTF-8 byte order mark": (x) =>
    x.response.writeHead(200, { "content-type": "application/json" }).end(`\uFEFF${BODY}`),
  // The byte order mark cut after its first byte, and "é" after its first byte.
  "JSON in chunks, characters cut between them": (x) => {
    const body = Buffer.from(`\uFEFF${BODY.replace(/}$/, ',"note":"é"}')}`);
    const e = body.indexOf(Buffer.from("é"));
    trickled(x, body, [1, 10, e + 1]);
  },
  // ASCII chunks first (read without UTF-8 decoding), then "é" cut after its first byte.
  "JSON in chunks, ASCII before a character cut between them": (x) => {
    const body = Buffer.from(BODY.replace(/}$/, ',"note":"é"}'));
    const e = body.indexOf(Buffer.from("é"));
    trickled(x, body, [10, e + 1]);
  },

  // Interim answers the client never asked for.
  "100 Continue, then nothing": (x) => void raw(x, "HTTP/1.1 100 Continue\r\n\r\n"),
  "101 Switching Protocols": (x) =>
    void raw(x, "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n"),

  // A 2xx without the body the spec promises.
  "204 to any request": (x) => x.response.writeHead(204).end(),

  // Retry-After values that must fall back to the normal backoff.
  "429 with Retry-After: -5": retryAfter(() => "-5"),
  "429 with Retry-After in the past": retryAfter(() => new Date(Date.now() - 3_600_000).toUTCString()),

  // An error body whose details are nested 100,000 levels deep.
  "401 with details nested 100,000 deep": (x) => {
    const details = `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`;
    const text = `{"status":401,"code":20003,"message":"Authenticate","details":${details}}`;
    x.response.writeHead(401, { "content-type": "application/json" }).end(text);
  },

  // The credential where redaction used to miss it.
  "401 echoing the credential in its reason phrase": (x) => {
    const { token, secret } = echoed(x);
    raw(x, head(`401 Basic ${token} ${secret}`, { "content-length": 0 })).end();
  },
  "200 echoing the credential in its reason phrase": (x) => {
    const { token, secret } = echoed(x);
    raw(
      x,
      head(`200 Basic ${token} ${secret}`, { "content-type": "application/json", "content-length": BODY.length }) +
        BODY,
    ).end();
  },
  "next_page_url echoing the percent-encoded credential, then a stall": (x) => {
    if (x.n > 1) return; // headers never come: the next page times out, naming its URL
    const { token, secret } = echoed(x);
    // Raw (a URL parser encodes what it must), every character as %XX, and the token likewise.
    const echo = `Raw=${secret}&All=${percentEncodeAll(secret)}&Token=${percentEncodeAll(token)}`;
    listPage(x, `${pageUrl(x, 1)}&${echo}`);
  },
  "error body echoing the percent-encoded credential": (x) => {
    const { token, secret } = echoed(x);
    const message = `got ${percentEncodeAll(secret)} and ${percentEncodeAll(token).toLowerCase()}`;
    json(x.response, 400, { status: 400, code: 21000, message, more_info: `https://example.com/?s=${secret}` });
  },

  // Next-page URLs that name an earlier page in disguise.
  "next_page_url repeating itself but for a #fragment": disguisedLoop((url) => `${url}#again`),
  "next_page_url repeating itself but for user info": disguisedLoop((url) => url.replace("://", "://someone@")),
} satisfies Record<string, Scenario>;

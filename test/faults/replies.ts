// What the fault servers answer with: replies for one exchange (JSON, raw
// socket bytes, list pages) and the credential as a hostile server echoes it.
import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { type ReceivedRequest, json } from "../helpers/server";
import { INTERACTION_SID } from "../helpers/fixtures";

export interface Exchange {
  request: ReceivedRequest;
  response: ServerResponse;
  /** 1-based number of this request in the test. */
  n: number;
  /** `http://127.0.0.1:PORT` of this server and of the foreign (other-origin) server. */
  origin: string;
  foreign: string;
  /** Values a scenario decided at run time and a test checks (for example the Retry-After date). */
  notes: Notes;
  /** Schedules a reply; cancelled when the server closes. */
  later(ms: number, reply: () => void): void;
}

export interface Notes {
  /** Whether the whole response body went to the socket before the connection closed. */
  sentWhole?: boolean;
}

export type Scenario = (x: Exchange) => void;

// --- Replies -----------------------------------------------------------------

/** The interaction every successful fetch returns. */
export const INTERACTION = {
  sid: INTERACTION_SID,
  channel: { sid: "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", type: "web" },
  routing: null,
  url: `https://flex-api.twilio.com/v1/Interactions/${INTERACTION_SID}`,
  links: { channels: `https://flex-api.twilio.com/v1/Interactions/${INTERACTION_SID}/Channels` },
};

const TOO_MANY = {
  status: 429,
  code: 20429,
  message: "Too Many Requests",
  more_info: "https://www.twilio.com/docs/errors/20429",
};

export function ok(x: Exchange): void {
  if (x.request.method === "DELETE") {
    x.response.writeHead(204).end();
  } else {
    json(x.response, 200, INTERACTION, { "twilio-request-id": `RQ${x.n}` });
  }
}

export function failure(x: Exchange, status: number, headers: Record<string, string> = {}): void {
  const body = status === 429 ? TOO_MANY : { status, code: 20500, message: "Internal Server Error" };
  json(x.response, status, body, headers);
}

/** Writes bytes to the socket, bypassing node:http. */
export function raw(x: Exchange, text: string): Socket {
  const socket = x.response.socket!;
  socket.write(text);
  return socket;
}

export function head(status: string, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status}\r\n${lines.join("")}connection: close\r\n\r\n`;
}

export const BODY = JSON.stringify(INTERACTION);
/** The first 40 characters of a JSON body: valid JSON never ends there. */
export const TRUNCATED_BODY = BODY.slice(0, 40);
export const HTML_PAGE = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

// --- List pages --------------------------------------------------------------

/** Items per page of the pagination scenarios. */
export const PAGE_ITEMS = 3;

export function channel(page: number, index: number) {
  const hex = (page * 1000 + index).toString(16).padStart(32, "0");
  return { sid: `UO${hex}`, interaction_sid: INTERACTION_SID, type: "web", status: "active" };
}

export function pageNumber(x: Exchange): number {
  return Number(new URL(x.request.url, x.origin).searchParams.get("Page") ?? 0);
}

/** The URL of page `page` of the list this request asked for, on `origin`. */
export function pageUrl(x: Exchange, page: number, origin = x.origin): string {
  return `${origin}${new URL(x.request.url, x.origin).pathname}?PageSize=${PAGE_ITEMS}&Page=${page}`;
}

export function listPage(
  x: Exchange,
  next: string | null,
  items = PAGE_ITEMS,
  extra: Record<string, unknown> = {},
): void {
  const page = pageNumber(x);
  const channels = Array.from({ length: items }, (_, i) => channel(page, i));
  const meta = { page, page_size: PAGE_ITEMS, key: "channels", next_page_url: next, url: pageUrl(x, page) };
  json(x.response, 200, { channels, meta, ...extra });
}

/** Records in the large page, and the size of each record's padding. */
export const LARGE_PAGE_ITEMS = 1000;
const LARGE_ITEM_PADDING = 10_000;
let largePage: string | undefined;

// About 10 MB: 1000 records of about 10 KB, built once per process.
export function largePageBody(next: string): string {
  largePage ??= JSON.stringify({
    channels: Array.from({ length: LARGE_PAGE_ITEMS }, (_, i) => ({
      ...channel(0, i),
      properties: { note: String(i % 10).repeat(LARGE_ITEM_PADDING) },
    })),
    meta: { page: 0, page_size: LARGE_PAGE_ITEMS, key: "channels", next_page_url: "NEXT" },
  });
  return largePage.replace('"NEXT"', JSON.stringify(next));
}

// --- Echoing the credential ----------------------------------------------------

/** The Basic-auth token, `user:secret` pair and secret of the request, as a hostile server would echo them. */
export function echoed(x: Exchange): { token: string; pair: string; secret: string } {
  const token = String(x.request.headers.authorization).replace(/^Basic /, "");
  const pair = Buffer.from(token, "base64").toString("utf8");
  return { token, pair, secret: pair.slice(pair.indexOf(":") + 1) };
}

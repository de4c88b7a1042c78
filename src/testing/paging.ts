// One page of a list, as Twilio's v1 APIs page: `PageSize` (default 50),
// `Page` (client state only) and an opaque `PageToken` ("PA" + the last SID
// of the previous page, as Twilio's examples show), with absolute URLs on the
// base URL the request came in on.
import { invalid } from "./exchange";

export interface PageQuery {
  readonly PageSize?: string | number;
  readonly Page?: string | number;
  readonly PageToken?: string | number;
}

export interface ListSource<T> {
  /** The items in list order; `seq` increases along it. */
  readonly items: readonly T[];
  readonly sidOf: (item: T) => string;
  readonly seqOf: (item: T) => number;
  /** The position of any SID ever listed here, deleted ones included, so a token outlives its item. */
  readonly seqOfSid: (sid: string) => number | undefined;
}

const DEFAULT_PAGE_SIZE = 50;

// First index whose seq is at least `seq` (items are sorted by seq).
function lowerBound<T>(source: ListSource<T>, seq: number): number {
  let lo = 0;
  let hi = source.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (source.seqOf(source.items[mid]!) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The page body: `{ [key]: rendered items, meta }`. */
export function listPage<T>(
  source: ListSource<T>,
  query: PageQuery,
  listUrl: string,
  key: string,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const size = Number(query.PageSize ?? DEFAULT_PAGE_SIZE);
  const page = Number(query.Page ?? 0);
  const token = query.PageToken === undefined ? undefined : String(query.PageToken);
  let start = page * size;
  if (token !== undefined) {
    const seq = /^P[AB]/.test(token) ? source.seqOfSid(token.slice(2)) : undefined;
    if (seq === undefined) throw invalid(`Invalid parameter PageToken: "${token}" was not issued for this list`);
    start = token.startsWith("PA") ? lowerBound(source, seq + 1) : Math.max(0, lowerBound(source, seq) - size);
  }
  const items = source.items.slice(start, start + size);
  const at = (n: number, extra = "") => `${listUrl}?PageSize=${size}&Page=${n}${extra}`;
  const first = items[0];
  const last = items[items.length - 1];
  return {
    [key]: items.map(render),
    meta: {
      page,
      page_size: size,
      first_page_url: at(0),
      previous_page_url:
        page > 0 ? (first && start > 0 ? at(page - 1, `&PageToken=PB${source.sidOf(first)}`) : at(0)) : null,
      url: at(page, token === undefined ? "" : `&PageToken=${encodeURIComponent(token)}`),
      next_page_url:
        last && start + size < source.items.length ? at(page + 1, `&PageToken=PA${source.sidOf(last)}`) : null,
      key,
    },
  };
}

/** A list source over a short array that never loses items (Flex sub-resources). */
export function arraySource<T>(items: readonly T[], sidOf: (item: T) => string): ListSource<T> {
  return {
    items,
    sidOf,
    seqOf: (item) => items.indexOf(item),
    seqOfSid: (sid) => {
      const index = items.findIndex((item) => sidOf(item) === sid);
      return index < 0 ? undefined : index;
    },
  };
}

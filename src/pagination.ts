// Iterates over Twilio list pages by following `meta.next_page_url`, one page
// ahead of the caller at most, and only while the next URL stays on the
// client's origin and on the same resource.
import type { PageMeta } from "../generated/shared";
import { TwilioAbortError, TwilioPaginationError } from "./errors";
import { withLazyResponse } from "./response";

/**
 * One page of a list, as yielded by `paginate(...).pages()`.
 *
 * @example
 * ```ts
 * for await (const page of twilio.proxy.paginate(path, { params }).pages()) {
 *   console.log(page.meta.page, page.items.length);
 * }
 * ```
 */
export interface Page<Item, Body = unknown> {
  /** The items of this page (trimmed to `limit` on the last page). */
  items: Item[];
  /** Twilio's paging information for this page. */
  meta: PageMeta;
  /** The whole page body as Twilio sent it. */
  body: Body;
  /** The HTTP response of this page. */
  response: Response;
}

/** A page as loaded: its parsed body, its Response (built when asked for) and the URL it came from. */
interface Loaded<Body> {
  body: Body;
  response: () => Response;
  url: string;
}

/** Where a Paginator gets its pages from; built by the API client. */
export interface PageSource<Body> {
  /** Fetches the first page (`url` undefined) or the page at a checked `url`; `response` builds the page's Response. */
  load(url: URL | undefined, signal: AbortSignal): Promise<Loaded<Body>>;
  /** Removes the credential from text that quotes the server (it may echo it into a next_page_url). */
  redact(text: string): string;
  /** Property of a page that holds the items. */
  listKey: string;
  /** Origin and path every next page must have. */
  origin: string;
  pathname: string;
  limit: number;
  signal: AbortSignal | undefined;
}

// What makes two page URLs the same page: not a #fragment, user info, or the
// order of query parameters.
function loopKey(url: URL): string {
  const key = new URL(url.href);
  key.hash = "";
  key.username = "";
  key.password = "";
  key.searchParams.sort();
  return key.href;
}

/**
 * The result of `paginate()`: an async iterable of items that fetches pages
 * lazily. Iterate it with `for await`, or use {@link Paginator.pages} and
 * {@link Paginator.toArray}. Each call starts a fresh pass from the first page.
 *
 * @example
 * ```ts
 * const channels = twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", {
 *   params: { path: { InteractionSid: interaction.sid } },
 * });
 * for await (const channel of channels) console.log(channel.sid, channel.status);
 * const firstTen = await twilio.proxy.paginate(path, { params, limit: 10 }).toArray();
 * ```
 */
export class Paginator<Item, Body = unknown> implements AsyncIterable<Item> {
  readonly #source: PageSource<Body>;

  constructor(source: PageSource<Body>) {
    this.#source = source;
  }

  /** Yields whole pages, fetching the next one while the caller works on the current one. */
  async *pages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    const source = this.#source;
    const userSignal = source.signal;
    if (userSignal?.aborted)
      throw new TwilioAbortError("Pagination was aborted by its AbortSignal.", { cause: userSignal.reason });
    // Each load gets its own controller, tied to the caller's signal only while it is in flight: an
    // iterator dropped without return() leaves nothing attached to a long-lived signal.
    let inFlight: AbortController | undefined;
    const load = (url: URL | undefined) => {
      const controller = new AbortController();
      const forward = () => controller.abort(userSignal?.reason);
      if (userSignal?.aborted) forward();
      userSignal?.addEventListener("abort", forward, { once: true });
      inFlight = controller;
      const page = source.load(url, controller.signal);
      const detach = () => userSignal?.removeEventListener("abort", forward);
      page.then(detach, detach);
      return page;
    };
    const seen = new Set<string>();
    let remaining = source.limit;
    let pending: Promise<Loaded<Body>> | undefined = load(undefined);
    // What one page gave; cleared before the next wait, so that the page is not held while the next one
    // loads (V8 keeps what a suspended generator last held, and two pages at once grow the heap).
    let step: { page: Page<Item, Body>; next?: URL; stop?: TwilioPaginationError } | undefined;
    try {
      for (let number = 1; pending; number++) {
        const loading = pending;
        pending = undefined;
        step = this.#page(await loading, number, seen, remaining);
        remaining -= step.page.items.length;
        if (step.next) {
          pending = load(step.next);
          pending.catch(() => {}); // a failure is reported when the page is awaited
        }
        yield step.page;
        if (step.stop) throw step.stop;
        step = undefined;
      }
    } finally {
      inFlight?.abort(); // cancels a prefetched page nobody will read
    }
  }

  // Checks a loaded page: its items (up to `remaining`), and where the next page is, if it is to be fetched.
  #page(
    { body, response, url }: Loaded<Body>,
    number: number,
    seen: Set<string>,
    remaining: number,
  ): { page: Page<Item, Body>; next?: URL; stop?: TwilioPaginationError } {
    const source = this.#source;
    // A next_page_url that leads back to any page already fetched, the first included, is a loop.
    seen.add(loopKey(new URL(url)));
    const record = body as Record<string, unknown>;
    const items = record?.[source.listKey];
    if (!Array.isArray(items)) {
      throw new TwilioPaginationError(
        `Page ${number} has no "${source.listKey}" array; it is not a page of this list.`,
      );
    }
    const taken = (items.length > remaining ? items.slice(0, remaining) : items) as Item[];
    const meta = record.meta as PageMeta | undefined;
    const page = withLazyResponse({ items: taken, meta: meta as PageMeta, body }, response);
    if (!meta || typeof meta !== "object") {
      return {
        page,
        stop: new TwilioPaginationError(
          `Page ${number} has no "meta", so whether more pages follow is unknown; stopping after its items.`,
        ),
      };
    }
    if (remaining - taken.length <= 0 || !meta.next_page_url) return { page };
    if (items.length === 0) {
      return {
        page,
        stop: new TwilioPaginationError(
          `Page ${number} is empty but names a next page; stopping to avoid an endless loop.`,
        ),
      };
    }
    try {
      return { page, next: this.#checkNext(meta.next_page_url, seen, number) };
    } catch (error) {
      return { page, stop: new TwilioPaginationError(source.redact((error as Error).message)) };
    }
  }

  #checkNext(next: unknown, seen: Set<string>, number: number): URL {
    const { origin, pathname } = this.#source;
    let url: URL;
    try {
      url = new URL(String(next));
    } catch {
      throw new TwilioPaginationError(`Page ${number} has a next_page_url that is not a URL; stopping.`);
    }
    if (url.origin !== origin) {
      throw new TwilioPaginationError(
        `Page ${number} names its next page on ${url.origin}, not ${origin}; stopping without sending anything there.`,
      );
    }
    if (url.pathname !== pathname) {
      throw new TwilioPaginationError(
        `Page ${number} names a next page on another resource (${url.pathname}); stopping.`,
      );
    }
    if (seen.has(loopKey(url))) {
      throw new TwilioPaginationError(
        `Page ${number} repeats the next_page_url of an earlier page; stopping to avoid a loop.`,
      );
    }
    return url;
  }

  /** Yields every item of every page, in order. */
  [Symbol.asyncIterator](): AsyncIterator<Item, undefined> {
    // Hand-written rather than `yield*` over the pages: within a page each item
    // costs one resolved promise instead of a generator round trip, which adds
    // up over lists of tens of thousands of records.
    const pages = this.pages();
    let items: Item[] = [];
    let index = 0;
    const next = (): Promise<IteratorResult<Item, undefined>> => {
      if (index < items.length) return Promise.resolve({ value: items[index++]!, done: false });
      // The page is done with: not held while the next one loads.
      items = [];
      return pages.next().then((page) => {
        if (page.done) return { value: undefined, done: true };
        items = page.value.items;
        index = 0;
        return next();
      });
    };
    return {
      next,
      // `break` in a for-await lands here: finish the pages generator, which cancels its prefetch.
      return: () => pages.return(undefined).then(() => ({ value: undefined, done: true })),
    };
  }

  /** Collects every item (up to `limit`) into an array. */
  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    for await (const page of this.pages()) all.push(...page.items);
    return all;
  }
}

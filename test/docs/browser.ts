// Headless Debian Chromium driven by puppeteer-core, with every request that
// would leave the docs server blocked and recorded.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Throws, with the command that fixes it, when Debian's Chromium is missing. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The docs tests need Chromium at ${CHROMIUM}: install it: apt-get install -y chromium`);
  }
}

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and none of its background networking, plus `extraArgs`. */
export async function launchChromium(extraArgs: string[] = []): Promise<Chromium> {
  assertChromium();
  const profile = await mkdtemp(join(tmpdir(), "twilio-interactions-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 120_000,
    defaultViewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
      `--user-data-dir=${profile}`,
      ...extraArgs,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface GuardedPage {
  page: Page;
  /** `resourceType url` of every request that was blocked for leaving the docs server. */
  blocked: string[];
  /** Uncaught exceptions thrown by the page's scripts. */
  pageErrors: string[];
  /** Messages the page logged as console errors (Chromium logs every failed load there too). */
  consoleErrors: string[];
  /** `url (reason)` of every request that failed or was answered 4xx/5xx, except those blocked above. */
  failedRequests: string[];
  /** Empties every record, before the next page. */
  clear(): void;
}

/**
 * Opens a tab that may only load from `origin`: a server's origin, or
 * `file://` for files on disk. Inline `data:` and `blob:` URLs are allowed too.
 */
export async function openGuarded(browser: Browser, origin: string): Promise<GuardedPage> {
  const local = (url: URL) => (origin === "file://" ? url.protocol === "file:" : url.origin === origin);
  const page = await browser.newPage();
  // Generous waits: the machines are shared and slow at times; nothing here measures speed.
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (local(url) || url.protocol === "data:" || url.protocol === "blob:") {
      void request.continue();
    } else {
      blocked.push(`${request.resourceType()} ${request.url()}`);
      void request.abort("blockedbyclient");
    }
  });
  page.on("pageerror", (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url ?? page.url()})`);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // Requests this tab blocked are in `blocked` already.
    if (reason !== "net::ERR_BLOCKED_BY_CLIENT") failedRequests.push(`${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()} (${response.status()})`);
  });
  const clear = () => {
    for (const record of [blocked, pageErrors, consoleErrors, failedRequests]) record.length = 0;
  };
  return { page, blocked, pageErrors, consoleErrors, failedRequests, clear };
}

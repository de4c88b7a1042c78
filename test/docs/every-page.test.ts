// Every page of the site, opened in Chromium from a static server and from
// disk (file://): no script error, no console error, no failed request, no
// request leaving the site, and the same header linking the site's parts.
// The pages are the HTML files npm run docs wrote, and each must be linked
// from the home page.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiPage } from "../../scripts/docs/redoc.mts";
import { headerLinks } from "../../scripts/docs/site-nav.mts";
import { readApis } from "../../scripts/codegen/apis.mts";
import { type GuardedPage, openGuarded } from "./browser";
import { useSiteBrowser } from "./harness";
import { SITE_DIR, linkedPages, sitePages, unserved } from "./site";

const pages = sitePages();
const header = headerLinks(await Promise.all((await readApis()).map(apiPage)));

/** Waits until the page is drawn: TypeDoc hides the body until its script runs; Redoc hydrates its prerendered page. */
async function opened(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => getComputedStyle(document.body).display !== "none");
}

/** The site path (from the site root) each header link of the page leads to, by label. */
async function headerTargets(page: Page, root: string): Promise<Record<string, string>> {
  const links = await page.$$eval("#tsd-toolbar-links a, nav.site-header a", (as) =>
    as.map((a) => [(a as HTMLElement).innerText.trim(), (a as HTMLAnchorElement).href] as const),
  );
  return Object.fromEntries(
    links.map(([label, href]) => [label, href.startsWith(root) ? href.slice(root.length) : href]),
  );
}

const site = useSiteBrowser();

it(`every one of the ${pages.length} pages is linked from the home page, and every link leads to a page`, () => {
  const linked = linkedPages();
  expect([...linked].filter((page) => !existsSync(join(SITE_DIR, page)))).toEqual([]);
  expect(pages.filter((page) => !linked.has(page))).toEqual([]);
});

describe.each([
  { from: "a static server", root: () => `${site.server.origin}/` },
  { from: "disk (file://)", root: () => pathToFileURL(SITE_DIR).href + "/" },
])("opened from $from", ({ root }) => {
  let guarded: GuardedPage;

  beforeAll(async () => {
    guarded = await openGuarded(site.chromium.browser, root().startsWith("file:") ? "file://" : site.server.origin);
  });

  afterAll(async () => {
    await guarded?.page.close();
  });

  it.each(pages)("%s: no error, no failed request, nothing from outside, the site's header", async (path) => {
    guarded.clear();
    await opened(guarded.page, root() + path);
    expect(guarded.pageErrors, "script errors").toEqual([]);
    expect(guarded.consoleErrors, "console errors").toEqual([]);
    expect(guarded.failedRequests, "failed requests").toEqual([]);
    expect(guarded.blocked, "requests leaving the site").toEqual([]);
    const targets = await headerTargets(guarded.page, root());
    for (const link of header) expect(targets[link.label], `header link "${link.label}"`).toBe(link.href);
  });
});

it("the static server was asked for nothing it did not have", () => {
  expect(unserved(site.server.requests)).toEqual([]);
});

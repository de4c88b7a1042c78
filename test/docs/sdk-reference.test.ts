// Opens the TypeDoc SDK reference in Chromium: its index lists every entry
// point of the package, each entry point's page lists all its exports, and
// every runtime export has a page showing its JSDoc.
import type { Page } from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SDK_HREF } from "../../scripts/docs/site-nav.mts";
import { packageEntryPoints } from "../../scripts/docs/typedoc.mts";
import { type GuardedPage, openGuarded } from "./browser";
import { useSiteBrowser } from "./harness";
import { sdkExports } from "./sdk-exports";
import { screenshotPath } from "./site";

const entries = [...(await packageEntryPoints())].map(([file, name]) => ({ name, exports: sdkExports(file) }));

/** JSDoc as TypeDoc displays it: links become their label, code spans lose their backticks. */
function displayed(jsdoc: string): string {
  return jsdoc
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*))?\}/g, (_m, target: string, label?: string) =>
      (label ?? target).trim(),
    )
    .replace(/`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Opens a TypeDoc page and waits until its script has shown the body (TypeDoc hides it while loading). */
async function openReferencePage(page: Page, url: string): Promise<string> {
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status(), url).toBe(200);
  await page.waitForFunction(() => getComputedStyle(document.body).display !== "none");
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, " "));
}

/** Text → absolute URL of every link in the page's content column. */
async function contentLinks(page: Page): Promise<Map<string, string>> {
  const links = await page.$$eval(".col-content a", (as) =>
    as.map((a) => [(a as HTMLElement).innerText.trim(), (a as HTMLAnchorElement).href] as const),
  );
  return new Map(links);
}

const site = useSiteBrowser();
let guarded: GuardedPage;
/** The index's link to each entry point's page. */
let modules: Map<string, string>;

beforeAll(async () => {
  guarded = await openGuarded(site.chromium.browser, site.server.origin);
  await openReferencePage(guarded.page, `${site.server.origin}/${SDK_HREF}`);
  modules = await contentLinks(guarded.page);
});

it(`lists the package's ${entries.length} entry points by the names users import`, () => {
  for (const { name } of entries) expect([...modules.keys()], name).toContain(name);
});

describe.each(entries)("$name", ({ name, exports }) => {
  let listed: Map<string, string>;

  beforeAll(async () => {
    await openReferencePage(guarded.page, modules.get(name)!);
    listed = await contentLinks(guarded.page);
    await guarded.page.screenshot({ path: screenshotPath(`sdk-${name.replace(/\W+/g, "-")}`) });
  });

  it(`lists all ${exports.length} exports of its entry point`, () => {
    for (const { name: exported } of exports) expect([...listed.keys()], exported).toContain(exported);
  });

  it.each(exports.filter((e) => e.isValue))("documents $name on its own page", async ({ name: exported, summary }) => {
    const { page } = guarded;
    const href = listed.get(exported);
    expect(href, exported).toBeTruthy();
    const text = await openReferencePage(page, href!);
    expect(await page.$eval("h1", (h) => (h as HTMLElement).innerText)).toContain(exported);
    expect(summary, `${exported} has JSDoc`).not.toBe("");
    expect(text).toContain(displayed(summary));
  });
});

it("ran without script errors or failed requests, and made no request that leaves loopback", () => {
  expect(guarded.pageErrors).toEqual([]);
  expect(guarded.consoleErrors).toEqual([]);
  expect(guarded.failedRequests).toEqual([]);
  expect(guarded.blocked).toEqual([]);
});

// Opens the TypeDoc SDK reference in Chromium: every export of src/index.ts
// must be listed, and every runtime export must have a page showing its JSDoc.
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SDK_DIR } from "../../scripts/docs/site.mts";
import { type Chromium, type GuardedPage, launchChromium, openGuarded } from "./browser";
import { sdkExports } from "./sdk-exports";
import { SITE_DIR, screenshotPath, unexpectedBlocked, unserved } from "./site";
import { type StaticServer, serveStatic } from "./static-server";

const exports = sdkExports();
const values = exports.filter((e) => e.isValue);

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

let chromium: Chromium;
let server: StaticServer;
let guarded: GuardedPage;
/** Text → absolute URL of every link in the index's content. */
let listed: Map<string, string>;
const index = () => `${server.origin}/${SDK_DIR}/index.html`;

beforeAll(async () => {
  server = await serveStatic(SITE_DIR);
  chromium = await launchChromium();
  guarded = await openGuarded(chromium.browser, server.origin);
  await openReferencePage(guarded.page, index());
  const links = await guarded.page.$$eval(".col-content a", (as) =>
    as.map((a) => [(a as HTMLElement).innerText.trim(), (a as HTMLAnchorElement).href] as const),
  );
  listed = new Map(links);
  await guarded.page.screenshot({ path: screenshotPath("sdk-index") });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

it(`lists all ${exports.length} exports of src/index.ts`, () => {
  for (const { name } of exports) expect([...listed.keys()], name).toContain(name);
});

it.each(values)("documents $name on its own page", async ({ name, summary }) => {
  const { page } = guarded;
  const href = listed.get(name);
  expect(href, name).toBeTruthy();
  const text = await openReferencePage(page, href!);
  expect(await page.$eval("h1", (h) => (h as HTMLElement).innerText)).toContain(name);
  expect(summary, `${name} has JSDoc`).not.toBe("");
  expect(text).toContain(displayed(summary));
  if (name === "createInteractionsClient") await page.screenshot({ path: screenshotPath(`sdk-${name}`) });
});

it("links back to the docs home and to every API reference", async () => {
  const { page } = guarded;
  await openReferencePage(page, index());
  const links = await page.$$eval("#tsd-toolbar-links a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links).toContain(`${server.origin}/index.html`);
  // Another tab, so the Redoc pages' own requests stay out of the SDK pages' record.
  const other = await openGuarded(chromium.browser, server.origin);
  for (const link of links) expect((await other.page.goto(link))?.status(), link).toBe(200);
  await other.page.close();
});

it("made no request that leaves loopback", () => {
  expect(guarded.pageErrors).toEqual([]);
  // No known-harmless exceptions here: TypeDoc's output needs nothing from outside.
  expect(unexpectedBlocked("sdk/", guarded.blocked)).toEqual([]);
  expect(guarded.blocked).toEqual([]);
  expect(unserved(server.requests)).toEqual([]);
});

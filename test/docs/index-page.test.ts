// The site's layout and its landing page: links to every reference, the
// README quickstart, and nothing loaded from outside.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot } from "../../scripts/codegen/apis.mts";
import { SDK_DIR } from "../../scripts/docs/site.mts";
import { type Chromium, type GuardedPage, launchChromium, openGuarded } from "./browser";
import { expectedApis } from "./expected-operations";
import { SITE_DIR, screenshotPath, unexpectedBlocked, unserved } from "./site";
import { type StaticServer, serveStatic } from "./static-server";

const apis = await expectedApis();
const { name: packageName } = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { name: string };

let chromium: Chromium;
let server: StaticServer;
let guarded: GuardedPage;

beforeAll(async () => {
  server = await serveStatic(SITE_DIR);
  chromium = await launchChromium();
  guarded = await openGuarded(chromium.browser, server.origin);
  await guarded.page.goto(`${server.origin}/index.html`, { waitUntil: "networkidle0" });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

it("npm run docs wrote a Redoc page per API, with Redoc inlined, and the SDK reference", async () => {
  for (const { api } of apis) {
    const html = await readFile(join(SITE_DIR, api, "index.html"), "utf8");
    // Without --inlineBundle, Redoc is a <script src="https://cdn…">; offline that renders nothing.
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/i);
    expect(html).toContain("hydrate(");
  }
  expect(existsSync(join(SITE_DIR, SDK_DIR, "index.html"))).toBe(true);
});

it("links every API reference and the SDK reference, and each link opens", async () => {
  const { page } = guarded;
  const links = await page.$$eval("nav a", (as) =>
    as.map((a) => [(a as HTMLElement).innerText, (a as HTMLAnchorElement).href]),
  );
  const byText = new Map(links as [string, string][]);
  expect([...byText.keys()]).toEqual([...apis.map((a) => a.title), "SDK reference"]);
  await page.screenshot({ path: screenshotPath("index") });
  // Another tab, so the Redoc pages' own requests stay out of the index page's record.
  const other = await openGuarded(chromium.browser, server.origin);
  for (const [text, href] of byText) expect((await other.page.goto(href))?.status(), text).toBe(200);
  await other.page.close();
});

it("shows the README quickstart", async () => {
  const readme = await readFile(join(repoRoot, "README.md"), "utf8");
  const blocks = await guarded.page.$$eval("#quickstart pre", (pres) => pres.map((p) => (p as HTMLElement).innerText));
  expect(blocks.length).toBeGreaterThan(0);
  for (const block of blocks) expect(readme).toContain(block.trim());
});

it("works opened from disk, as the README suggests (file://, no server)", async () => {
  const offline = await openGuarded(chromium.browser, "file://");
  const { page } = offline;
  const home = pathToFileURL(join(SITE_DIR, "index.html")).href;
  const expected = [
    ...apis.map((a) => ({ heading: "#api-content h1", text: a.title })),
    { heading: "h1", text: packageName },
  ];
  for (const [i, { heading, text }] of expected.entries()) {
    await page.goto(home, { waitUntil: "load" });
    await Promise.all([page.waitForNavigation(), page.click(`nav li:nth-child(${i + 1}) a`)]);
    // TypeDoc hides the body until its script runs; Redoc hydrates the prerendered page.
    await page.waitForFunction(() => getComputedStyle(document.body).display !== "none");
    expect(await page.$eval(heading, (h) => (h as HTMLElement).innerText), page.url()).toContain(text);
  }
  expect(page.url()).toBe(pathToFileURL(join(SITE_DIR, SDK_DIR, "index.html")).href);
  expect(offline.pageErrors).toEqual([]);
  expect(unexpectedBlocked("file://", offline.blocked)).toEqual([]);
  await page.close();
});

it("made no request that leaves loopback", () => {
  expect(guarded.pageErrors).toEqual([]);
  expect(unexpectedBlocked("index.html", guarded.blocked)).toEqual([]);
  expect(guarded.blocked).toEqual([]);
  expect(unserved(server.requests)).toEqual([]);
});

// A reader's path through the site, by clicking only, from the home page
// opened from disk (site/index.html) and from a static server: a guide for
// each of the flows, the webhooks and the emulator; the create-an-interaction
// operation with its TypeScript sample showing; the onParticipantLeft event
// with its signature security; createEmulator and an error class in the SDK
// reference. Screenshots of each stop go to test/.artifacts/docs/.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GuardedPage, openGuarded } from "./browser";
import { useSiteBrowser } from "./harness";
import { expandTag, menuItem, renderedOperation } from "./redoc";
import { SITE_DIR, screenshotPath } from "./site";

const GUIDES = [
  { link: "Contact-centre flows", heading: "Contact-centre flows" },
  { link: "Receiving interaction webhooks", heading: "Receiving interaction webhooks" },
  { link: "Testing with the emulator", heading: "Testing with the emulator" },
  { link: "The emulator's rules", heading: "The emulator: twilio-interactions/testing" },
];

function linkSelector(text: string, within: string): string {
  if (text.includes('"')) throw new Error(`Cannot select a link text with a double quote: ${text}`);
  return `::-p-xpath(${within}//a[normalize-space(.)="${text}"])`;
}
const IN_HEADER = '//*[@id="tsd-toolbar-links" or contains(concat(" ", @class, " "), " site-header ")]';
const IN_CONTENT = '//*[contains(concat(" ", @class, " "), " col-content ")]';

/** Resolves once the page has stopped scrolling (TypeDoc scrolls smoothly to an anchor; a click meanwhile can miss). */
async function stillness(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const y = scrollY;
        setTimeout(() => done(scrollY === y), 100);
      }),
    { polling: 100 },
  );
}

/** Clicks the link with this text and waits for the page it opens to be drawn. */
async function follow(page: Page, text: string, within: string): Promise<void> {
  await stillness(page);
  const link = await page.waitForSelector(linkSelector(text, within));
  // Into the middle of the window: a link at the top sits under TypeDoc's fixed toolbar, which takes the click.
  const href = await link!.evaluate((a) => {
    a.scrollIntoView({ block: "center", behavior: "instant" });
    return (a as HTMLAnchorElement).href;
  });
  const sameDocument = href.split("#")[0] === page.url().split("#")[0];
  // A link to a place in the page that is open (the home page's #guides) only scrolls.
  await Promise.all([
    sameDocument
      ? page.waitForFunction((to) => location.href === to, {}, href)
      : page.waitForNavigation({ waitUntil: "load" }),
    link!.click(),
  ]);
  await page.waitForFunction(() => getComputedStyle(document.body).display !== "none");
}

const heading = (page: Page) => page.$eval("h1", (h) => (h as HTMLElement).innerText.trim());

/** Clicks a Redoc sidebar entry of a tag and returns what its section shows, scrolled into view. */
async function openOperation(page: Page, tag: string, summary: string) {
  await expandTag(page, tag, summary);
  const item = await menuItem(page, summary);
  const hash = await item!.evaluate((e) => e.closest("a")?.getAttribute("href") ?? "");
  // A click while the sidebar still moves (the group just opened) can miss: click until Redoc follows it.
  for (let attempt = 0; attempt < 3; attempt++) {
    await item!.click();
    if (await page.waitForFunction((to) => location.hash === to, { timeout: 15_000 }, hash).catch(() => null)) break;
  }
  const shown = await renderedOperation(page, summary);
  await page.evaluate((title: string) => {
    const h2 = [...document.querySelectorAll("#api-content h2")].find((h) =>
      (h as HTMLElement).innerText.trim().startsWith(title),
    );
    h2!.scrollIntoView({ block: "start", behavior: "instant" });
    // Clear of the site header, which is fixed above Redoc.
    scrollBy({
      top: -(document.querySelector(".site-header")!.getBoundingClientRect().height + 16),
      behavior: "instant",
    });
  }, summary);
  return shown;
}

const site = useSiteBrowser();

describe.each([
  { from: "disk (file://)", home: () => pathToFileURL(join(SITE_DIR, "index.html")).href, shots: true },
  { from: "a static server", home: () => `${site.server.origin}/index.html`, shots: false },
])("from the home page opened from $from, by clicking only", ({ home, shots }) => {
  let guarded: GuardedPage;
  const shot = async (name: string) => {
    if (shots) await guarded.page.screenshot({ path: screenshotPath(name) });
  };

  beforeAll(async () => {
    const url = home();
    guarded = await openGuarded(site.chromium.browser, url.startsWith("file:") ? "file://" : site.server.origin);
    await guarded.page.goto(url, { waitUntil: "load" });
    await guarded.page.waitForFunction(() => getComputedStyle(document.body).display !== "none");
    await shot("home");
  });

  afterAll(async () => {
    await guarded?.page.close();
  });

  it.each(GUIDES)("reaches the guide $link", async ({ link, heading: title }) => {
    const { page } = guarded;
    await follow(page, "Guides", IN_HEADER);
    await follow(page, link, IN_CONTENT);
    expect(await heading(page)).toBe(title);
    if (link === "Contact-centre flows") await shot("guide-flows");
  });

  it("reaches Create an interaction, with the SDK's TypeScript sample showing first", async () => {
    const { page } = guarded;
    await follow(page, "Flex Interactions API", IN_HEADER);
    const shown = await openOperation(page, "Interactions", "Create an interaction");
    expect(shown.sampleLanguage).toBe("TypeScript");
    expect(shown.sampleCode).toContain("await twilio.flex.interactions.create({");
    await shot("operation-create-interaction");
  });

  it("reaches the onParticipantLeft event, signed with X-Twilio-Signature and received with receiveInteractionEvent", async () => {
    const { page } = guarded;
    const shown = await openOperation(page, "Interaction Events", "A participant left a channel");
    expect(shown.text).toContain("onParticipantLeft");
    expect(shown.text).toMatch(/Security\s+(View security details\s+)?twilioSignature/);
    expect(shown.text).not.toContain("twilioBasicAuth");
    expect(shown.text).toContain("receiveInteractionEvent");
    await shot("event-participant-left");
  });

  it.each([
    { entry: "twilio-interactions/testing", name: "createEmulator", shot: "sdk-createEmulator" },
    { entry: "twilio-interactions", name: "WebhookSignatureError", shot: "sdk-class-WebhookSignatureError" },
  ])("reaches $name in the SDK reference of $entry", async ({ entry, name, shot: screenshot }) => {
    const { page } = guarded;
    await follow(page, "SDK reference", IN_HEADER);
    await follow(page, entry, IN_CONTENT);
    await follow(page, name, IN_CONTENT);
    expect(await heading(page)).toContain(name);
    await shot(screenshot);
  });

  it("met no error, no failed request and nothing from outside on the way", () => {
    expect(guarded.pageErrors).toEqual([]);
    expect(guarded.consoleErrors).toEqual([]);
    expect(guarded.failedRequests).toEqual([]);
    expect(guarded.blocked).toEqual([]);
  });
});

// Opens each API's Redoc page in Chromium and walks its navigation like a
// reader: every operation of the spec must render with its parameters, body
// fields, the decoded shape of its JSON-encoded fields and the SDK's
// TypeScript sample in front; every webhook event with the signature
// security it is sent with.
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHAPE_HEADING } from "../../scripts/docs/json-strings.mts";
import { type GuardedPage, openGuarded } from "./browser";
import { useSiteBrowser } from "./harness";
import { type ExpectedOperation, expectedApis } from "./expected-operations";
import { expandTag, menuItem, renderedOperation } from "./redoc";
import { screenshotPath, unexpectedBlocked, unserved } from "./site";

const apis = await expectedApis();
const total = apis.reduce((n, api) => n + api.operations.length, 0);

/**
 * Expands every tag of the sidebar and returns the link it offers for each
 * operation summary. Following those links one at a time, rather than
 * clicking the next entry while Redoc may still be scrolling to the last one,
 * keeps the walk deterministic.
 */
async function operationLinks(page: Page, operations: ExpectedOperation[]): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const tag of new Set(operations.map((op) => op.tag))) {
    const ofTag = operations.filter((o) => o.tag === tag);
    await expandTag(page, tag, ofTag[0]!.summary);
    for (const op of ofTag) {
      const item = await menuItem(page, op.summary);
      links.set(op.summary, await item!.evaluate((e) => e.closest("a")?.getAttribute("href") ?? ""));
    }
  }
  return links;
}

const site = useSiteBrowser();

it(`the specs describe ${total} operations, all checked below`, () => {
  console.log(
    `operations expected from generated/openapi: ${apis.map((a) => `${a.api} ${a.operations.length}`).join(", ")}`,
  );
  expect(total).toBeGreaterThan(0);
});

describe.each(apis)("$title ($api)", ({ api, title, operations }) => {
  let guarded: GuardedPage;
  let links: Map<string, string>;

  beforeAll(async () => {
    guarded = await openGuarded(site.chromium.browser, site.server.origin);
    await guarded.page.goto(`${site.server.origin}/${api}/index.html`, { waitUntil: "networkidle0" });
  });

  afterAll(async () => {
    await guarded?.page.close();
  });

  it("loads offline with its title, and its sidebar links every operation", async () => {
    const { page } = guarded;
    expect(await page.$eval("#api-content h1", (h) => (h as HTMLElement).innerText)).toContain(title);
    await page.screenshot({ path: screenshotPath(`${api}-overview`) });
    links = await operationLinks(page, operations);
    for (const op of operations) expect(links.get(op.summary), op.summary).toMatch(/^#\//);
  });

  it('credits Redocly with a badge that reads "API docs by Redocly", drawn from the page itself', async () => {
    const { page } = guarded;
    const badge = await page.$eval('img[alt="redocly logo"]', (img) => ({
      by: (img.closest("a") as HTMLElement).innerText.trim(),
      src: (img as HTMLImageElement).src,
      width: (img as HTMLImageElement).getBoundingClientRect().width,
    }));
    expect(badge.by).toBe("API docs by");
    expect(badge.src.startsWith("data:image/svg+xml,")).toBe(true);
    expect(decodeURIComponent(badge.src)).toContain(">Redocly</text>");
    expect(badge.width).toBeGreaterThan(0);
  });

  it.each(operations)("renders $method $path: $summary ($operationId)", async (op: ExpectedOperation) => {
    const { page } = guarded;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, links.get(op.summary)!);
    const shown = await renderedOperation(page, op.summary);

    expect(shown.text).toContain(op.path);
    for (const name of [...op.parameters, ...op.bodyFields]) expect(shown.labels, `field ${name}`).toContain(name);
    // The security the request carries, by the name of its scheme.
    for (const scheme of op.security) expect(shown.text, `security ${scheme}`).toContain(scheme);
    if (op.webhook) {
      expect(op.security).toEqual(["twilioSignature"]);
      expect(shown.text).toContain("receiveInteractionEvent");
    } else {
      // The SDK's own call opens the samples panel, before curl.
      expect(op.sample?.lang).toBe("TypeScript");
      expect(shown.sampleLanguage).toBe("TypeScript");
      expect(shown.sampleCode.replace(/\s+/g, " ").trim()).toBe(op.sample!.source.replace(/\s+/g, " ").trim());
      // Long lines wrap, so nothing hides past the panel's edge or under its copy button.
      expect(shown.sampleOverflows).toBe(false);
    }
    for (const json of op.jsonStrings) {
      expect(shown.text).toContain(`${SHAPE_HEADING}${json.schema ? ` (${json.schema})` : ""}.`);
      for (const key of json.keys) expect(shown.labels, `${json.field}.${key}`).toContain(key);
    }
    if (op.jsonStrings.length && !op.webhook) {
      // Scroll the first decoded shape into view so the screenshot shows it.
      await page.evaluate(
        (heading: string, summary: string) => {
          const h2 = [...document.querySelectorAll("#api-content h2")].find(
            (h) => (h as HTMLElement).innerText.trim() === summary,
          );
          const strong = [...h2!.closest("[data-section-id]")!.querySelectorAll("strong")].find((e) =>
            (e as HTMLElement).innerText.startsWith(heading),
          );
          strong!.scrollIntoView({ block: "start", behavior: "instant" });
          // Clear of the site header, which is fixed above Redoc.
          scrollBy({ top: -64, behavior: "instant" });
        },
        SHAPE_HEADING,
        op.summary,
      );
      await page.screenshot({ path: screenshotPath(`${api}-${op.operationId}`) });
    }
  });

  it("ran without script errors and made no request that leaves loopback, except known decoration", () => {
    expect(guarded.pageErrors).toEqual([]);
    expect(unexpectedBlocked(`${api}/index.html`, guarded.blocked)).toEqual([]);
    expect(unserved(site.server.requests)).toEqual([]);
  });
});

// Opens each API's Redoc page in Chromium and walks its navigation like a
// reader: every operation of the spec must render with its parameters, body
// fields and the decoded shape of its JSON-encoded fields.
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHAPE_HEADING } from "../../scripts/docs/json-strings.mts";
import { type Chromium, type GuardedPage, launchChromium, openGuarded } from "./browser";
import { type ExpectedOperation, expectedApis } from "./expected-operations";
import { SITE_DIR, screenshotPath, unexpectedBlocked, unserved } from "./site";
import { type StaticServer, serveStatic } from "./static-server";

const apis = await expectedApis();
const total = apis.reduce((n, api) => n + api.operations.length, 0);

/** The selector of Redoc's sidebar entry with exactly this label. */
function menuSelector(label: string): string {
  if (label.includes('"')) throw new Error(`Cannot select a menu label with a double quote: ${label}`);
  return `::-p-xpath(//*[contains(concat(" ", normalize-space(@class), " "), " menu-content ")]//span[normalize-space(.)="${label}"])`;
}

/** Redoc's sidebar entry with exactly this label. */
function menuItem(page: Page, label: string) {
  return page.waitForSelector(menuSelector(label));
}

/**
 * Opens a tag's group in the sidebar. A click toggles the group, and Redoc
 * also opens groups by itself as it navigates, so click only while the
 * group's first operation is missing.
 */
async function expandTag(page: Page, tag: string, firstOperation: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await page.$(menuSelector(firstOperation))) return;
    await (await menuItem(page, tag))!.click();
    if (await page.waitForSelector(menuSelector(firstOperation), { timeout: 10_000 }).catch(() => null)) return;
  }
  throw new Error(`The sidebar group "${tag}" did not open to show "${firstOperation}"`);
}

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

interface RenderedOperation {
  text: string;
  /** Trimmed text of every element that has its own text: labels, names, code spans. */
  labels: string[];
}

/** Waits for the operation whose heading is `summary` and returns what its section shows. */
async function renderedOperation(page: Page, summary: string): Promise<RenderedOperation> {
  const found = await page.waitForFunction(
    (heading: string) => {
      const h2 = [...document.querySelectorAll("#api-content h2")].find(
        // A webhook's heading carries Redoc's "Webhook" badge on a line of its own.
        (h) => (h as HTMLElement).innerText.trim().replace(/\nWebhook$/, "") === heading,
      );
      const section = h2?.closest("[data-section-id]") as HTMLElement | null | undefined;
      // Redoc renders a section's body lazily: wait for its request and responses.
      if (!section || !section.innerText.includes("Responses")) return undefined;
      const labels = [...section.querySelectorAll("*")]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
        .map((e) => (e as HTMLElement).innerText.trim());
      return { text: section.innerText, labels };
    },
    {},
    summary,
  );
  return (await found.jsonValue()) as RenderedOperation;
}

let chromium: Chromium;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(SITE_DIR);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

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
    guarded = await openGuarded(chromium.browser, server.origin);
    await guarded.page.goto(`${server.origin}/${api}/index.html`, { waitUntil: "networkidle0" });
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

  it.each(operations)("renders $method $path: $summary ($operationId)", async (op: ExpectedOperation) => {
    const { page } = guarded;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, links.get(op.summary)!);
    const shown = await renderedOperation(page, op.summary);

    expect(shown.text).toContain(op.path);
    for (const name of [...op.parameters, ...op.bodyFields]) expect(shown.labels, `field ${name}`).toContain(name);
    for (const json of op.jsonStrings) {
      expect(shown.text).toContain(`${SHAPE_HEADING}${json.schema ? ` (${json.schema})` : ""}.`);
      for (const key of json.keys) expect(shown.labels, `${json.field}.${key}`).toContain(key);
    }
    if (op.jsonStrings.length) {
      // Scroll the first decoded shape into view so the screenshot shows it.
      await page.evaluate(
        (heading: string, summary: string) => {
          const h2 = [...document.querySelectorAll("#api-content h2")].find(
            (h) => (h as HTMLElement).innerText.trim() === summary,
          );
          const strong = [...h2!.closest("[data-section-id]")!.querySelectorAll("strong")].find((e) =>
            (e as HTMLElement).innerText.startsWith(heading),
          );
          strong!.scrollIntoView({ block: "start" });
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
    expect(unserved(server.requests)).toEqual([]);
  });
});

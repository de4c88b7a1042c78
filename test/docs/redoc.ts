// Reading a Redoc page like a reader: its sidebar, and what an operation's
// section shows once Redoc has rendered it (Redoc renders lazily).
import type { Page } from "puppeteer-core";

/** The selector of Redoc's sidebar entry with exactly this label. */
export function menuSelector(label: string): string {
  if (label.includes('"')) throw new Error(`Cannot select a menu label with a double quote: ${label}`);
  return `::-p-xpath(//*[contains(concat(" ", normalize-space(@class), " "), " menu-content ")]//span[normalize-space(.)="${label}"])`;
}

/** Redoc's sidebar entry with exactly this label. */
export function menuItem(page: Page, label: string) {
  return page.waitForSelector(menuSelector(label));
}

/**
 * Opens a tag's group in the sidebar. A click toggles the group, and Redoc
 * also opens groups by itself as it navigates, so click only while the
 * group's first operation is missing.
 */
export async function expandTag(page: Page, tag: string, firstOperation: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await page.$(menuSelector(firstOperation))) return;
    await (await menuItem(page, tag))!.click();
    if (await page.waitForSelector(menuSelector(firstOperation), { timeout: 10_000 }).catch(() => null)) return;
  }
  throw new Error(`The sidebar group "${tag}" did not open to show "${firstOperation}"`);
}

export interface RenderedOperation {
  text: string;
  /** Trimmed text of every element that has its own text: labels, names, code spans. */
  labels: string[];
  /** The language the request samples panel shows (the last line of its header), or "" without a panel. */
  sampleLanguage: string;
  /** The code the request samples panel shows. */
  sampleCode: string;
  /** True when a line of that code runs past the panel (to be scrolled to, and under the copy button). */
  sampleOverflows: boolean;
}

/** Waits for the operation whose heading is `summary` and returns what its section shows. */
export async function renderedOperation(page: Page, summary: string): Promise<RenderedOperation> {
  const found = await page.waitForFunction(
    (heading: string) => {
      const h2 = [...document.querySelectorAll("#api-content h2")].find(
        // A webhook's heading carries Redoc's "Webhook" badge on a line of its own.
        (h) => (h as HTMLElement).innerText.trim().replace(/\nWebhook$/, "") === heading,
      );
      const section = h2?.closest("[data-section-id]") as HTMLElement | null | undefined;
      // Redoc renders a section's body lazily: wait for its request, responses and samples.
      const panel = section?.querySelector(".panel-request-samples") as HTMLElement | null | undefined;
      const code = panel?.querySelector("code") as HTMLElement | null | undefined;
      if (!section || !section.innerText.includes("Responses") || !panel || !code) return undefined;
      const labels = [...section.querySelectorAll("*")]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
        .map((e) => (e as HTMLElement).innerText.trim());
      const header = (panel.querySelector('[data-component-name="Panel/PanelHeader"]') as HTMLElement).innerText;
      const pre = code.closest("pre")!;
      return {
        text: section.innerText,
        labels,
        sampleLanguage: header.trim().split("\n").at(-1)!.trim(),
        sampleCode: code.innerText,
        sampleOverflows: pre.scrollWidth > pre.clientWidth + 1,
      };
    },
    {},
    summary,
  );
  return (await found.jsonValue()) as RenderedOperation;
}

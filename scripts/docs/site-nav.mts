// The site's parts and the one navigation they share: every Markdown page of
// docs/ (docs/README.md is the home page), the changelog, a Redoc page per API
// of redocly.yaml and the SDK reference. TypeDoc renders the pages and the SDK
// reference and puts these links in its header; the Redoc pages get the same
// header from scripts/docs/redoc.mts.
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { repoRoot } from "../codegen/apis.mts";

/** Where a Markdown page goes in the sidebar: "none" at the top level (TypeDoc's name for no group), or under Guides. */
export type DocumentGroup = "none" | "Guides";

export interface SiteDocument {
  /** Absolute path of the Markdown source. */
  path: string;
  /** Its page in the site: `documents/<slug>.html`. */
  slug: string;
  group: DocumentGroup;
}

export interface NavLink {
  label: string;
  /** Path from the site root, e.g. `flex/index.html`. */
  href: string;
}

/** The home page's source: GitHub shows it for docs/, the site renders it as index.html. */
export const HOME = join(repoRoot, "docs/README.md");
const CHANGELOG = join(repoRoot, "CHANGELOG.md");
/** The TypeDoc page that lists both entry points of the SDK. */
export const SDK_HREF = "modules.html";
/**
 * The site's icon, at the site root: every page links it, so no browser asks
 * the server for a /favicon.ico it does not have.
 */
export const FAVICON = {
  href: "favicon.svg",
  svg:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f2328"/>' +
    '<text x="16" y="22" font-family="system-ui,sans-serif" font-size="15" font-weight="700" fill="#fff" ' +
    'text-anchor="middle">ti</text></svg>\n',
};

/** The guides in reading order; any other page of docs/ follows them, alphabetically. */
const GUIDE_ORDER = ["flows", "webhooks", "testing", "emulator"];

/** The site path of a Markdown page. */
function documentHref(slug: string): string {
  return `documents/${slug}.html`;
}

/** Every page of the site rendered from Markdown, in navigation order. */
export async function siteDocuments(): Promise<SiteDocument[]> {
  const docs = join(repoRoot, "docs");
  const slugs = (await readdir(docs))
    .filter((file) => file.endsWith(".md") && join(docs, file) !== HOME)
    .map((file) => basename(file, ".md"));
  const rank = (slug: string) => (GUIDE_ORDER.includes(slug) ? GUIDE_ORDER.indexOf(slug) : GUIDE_ORDER.length);
  const guides = slugs
    .filter((slug) => slug !== "getting-started")
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return [
    ...(slugs.includes("getting-started")
      ? [{ path: join(docs, "getting-started.md"), slug: "getting-started", group: "none" as const }]
      : []),
    ...guides.map((slug) => ({ path: join(docs, `${slug}.md`), slug, group: "Guides" as const })),
    { path: CHANGELOG, slug: "changelog", group: "none" },
  ];
}

/** An API's name in the navigation: its title without the vendor, e.g. "Flex Interactions API". */
export function apiLabel(title: string): string {
  return title.replace(/^Twilio\s+/, "");
}

/** The header links of every page: the four parts of the site and the changelog. */
export function headerLinks(apis: { title: string; href: string }[]): NavLink[] {
  return [
    { label: "Getting started", href: documentHref("getting-started") },
    { label: "Guides", href: "index.html#guides" },
    ...apis.map((api) => ({ label: apiLabel(api.title), href: api.href })),
    { label: "SDK reference", href: SDK_HREF },
    { label: "Changelog", href: documentHref("changelog") },
  ];
}

// Builds the whole docs site into one folder, under one navigation: the home
// page, getting started, the guides and the changelog (Markdown rendered by
// TypeDoc), the API reference (a Redoc page per API of redocly.yaml) and the
// SDK reference (TypeDoc, every entry point of the package).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readApis, repoRoot } from "../codegen/apis.mts";
import { type ApiPage, apiPage, buildRedocPage, bundlePath } from "./redoc.mts";
import { FAVICON, SDK_HREF, type SiteDocument, apiLabel, headerLinks, siteDocuments } from "./site-nav.mts";
import { buildTypedocPart } from "./typedoc.mts";

export interface SiteSummary {
  apis: ApiPage[];
  documents: SiteDocument[];
  /** The SDK reference's index page, from the site root. */
  sdk: string;
}

/** Replaces `siteDir` with a freshly built site. */
export async function buildSite(siteDir: string): Promise<SiteSummary> {
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(siteDir, { recursive: true });
  await writeFile(join(siteDir, FAVICON.href), FAVICON.svg);
  const entries = await readApis();
  const pages = await Promise.all(entries.map(apiPage));
  const header = headerLinks(pages);
  const documents = await siteDocuments();
  const sidebar = pages.map((page) => ({ label: `${apiLabel(page.title)} reference`, href: page.href }));
  // A page's link to an API's bundled description opens its API reference.
  const bundles = new Map(pages.map((page) => [bundlePath(page.api), page.href]));
  await buildTypedocPart(siteDir, { header, sidebar, documents, pages: bundles });

  const { name, version } = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as Record<
    string,
    string
  >;
  const apis: ApiPage[] = [];
  for (const api of entries)
    apis.push(await buildRedocPage(api, siteDir, { title: `${name} ${version}`, links: header }));
  return { apis, documents, sdk: SDK_HREF };
}

// Builds the whole docs site: a Redoc page per API of redocly.yaml, the SDK
// reference, and the index page that links them.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readApis, repoRoot } from "../codegen/apis.mts";
import { renderIndexPage } from "./index-page.mts";
import { readmeQuickstart } from "./readme.mts";
import { type ApiPage, buildRedocPage } from "./redoc.mts";
import { buildSdkReference } from "./typedoc.mts";

/** Folder of the SDK reference inside the site. */
export const SDK_DIR = "sdk";

export interface SiteSummary {
  apis: ApiPage[];
  sdk: string;
}

/** Replaces `siteDir` with a freshly built site. */
export async function buildSite(siteDir: string): Promise<SiteSummary> {
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(siteDir, { recursive: true });
  const apis: ApiPage[] = [];
  for (const api of await readApis()) apis.push(await buildRedocPage(api, siteDir));

  const links = Object.fromEntries([
    ["Docs home", "../index.html"],
    ...apis.map((page) => [page.title, `../${page.href}`]),
  ]);
  await buildSdkReference(join(siteDir, SDK_DIR), links);

  const pkg = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as Record<string, string>;
  const readme = await readFile(join(repoRoot, "README.md"), "utf8");
  const html = renderIndexPage({
    name: pkg.name!,
    version: pkg.version!,
    description: pkg.description ?? "",
    apis,
    sdkHref: `${SDK_DIR}/index.html`,
    quickstartHtml: readmeQuickstart(readme),
  });
  await writeFile(join(siteDir, "index.html"), html);
  return { apis, sdk: `${SDK_DIR}/index.html` };
}

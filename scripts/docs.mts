// npm run docs: builds site/ (git-ignored), the published documentation:
// site/index.html (the home page), the guides in site/documents/, a Redoc
// page per API (site/<api>/index.html) and the SDK reference (site/modules.html).
import { join } from "node:path";
import { repoRoot } from "./codegen/apis.mts";
import { buildSite } from "./docs/site.mts";

const siteDir = join(repoRoot, "site");
const { apis, documents, sdk } = await buildSite(siteDir);
for (const page of apis) {
  console.log(`site/${page.href}: ${page.title} (${page.annotated} JSON-encoded fields with their shape)`);
}
console.log(`site/documents/: ${documents.map((doc) => doc.slug).join(", ")}`);
console.log(`site/${sdk}: SDK reference`);
console.log("Open site/index.html in a browser; the site needs no server and no network.");

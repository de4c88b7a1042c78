// The landing page's quickstart comes from the README.
import { describe, expect, it } from "vitest";
import { readmeQuickstart } from "../../scripts/docs/readme.mts";

describe("readmeQuickstart", () => {
  it("renders the Quickstart section, up to the next heading of its level", () => {
    const html = readmeQuickstart(
      "# pkg\n\nIntro.\n\n## Quickstart\n\nRun `it`:\n\n```sh\nnpm i pkg\n```\n\n### Detail\n\nMore.\n\n## API\n\nNot this.\n",
    );
    expect(html).toContain("<code>it</code>");
    expect(html).toContain('<pre><code class="language-sh">npm i pkg');
    expect(html).toContain("More.");
    expect(html).not.toContain("Intro.");
    expect(html).not.toContain("Not this.");
  });

  it("falls back to the introduction when the README has no quickstart section", () => {
    const html = readmeQuickstart("# pkg\n\nIntro.\n\n```sh\nnpm test\n```\n\n## API\n\nNot this.\n");
    expect(html).toContain("Intro.");
    expect(html).toContain("npm test");
    expect(html).not.toContain("pkg</h1>");
    expect(html).not.toContain("Not this.");
  });
});

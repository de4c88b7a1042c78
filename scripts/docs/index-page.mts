// The site's landing page: links to every API reference and to the SDK
// reference, and the README quickstart. Self-contained (inline CSS, no
// external fonts or scripts) so the site works offline.
import type { ApiPage } from "./redoc.mts";

export interface IndexPageInput {
  name: string;
  version: string;
  description: string;
  apis: ApiPage[];
  /** Path of the SDK reference relative to the site root. */
  sdkHref: string;
  quickstartHtml: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
nav ul { list-style: none; padding: 0; }
nav li { margin: .5rem 0; }
nav a { font-weight: 600; }
pre { background: #f6f8fa; padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; }
code { font: 14px ui-monospace, monospace; }
`;

/** Renders the landing page of the docs site. */
export function renderIndexPage(input: IndexPageInput): string {
  const apiLinks = input.apis
    .map(
      (api) =>
        `<li><a href="${escapeHtml(api.href)}">${escapeHtml(api.title)}</a> — API reference. ${escapeHtml(api.summary)}</li>`,
    )
    .join("\n      ");
  const title = `${input.name} ${input.version}`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} documentation</title>
  <style>${STYLE}</style>
</head>
<body>
  <header>
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(input.description)}</p>
  </header>
  <nav aria-label="References">
    <ul>
      ${apiLinks}
      <li><a href="${escapeHtml(input.sdkHref)}">SDK reference</a> — the TypeScript API of the package: client, helpers, errors and types.</li>
    </ul>
  </nav>
  <main>
    <section id="quickstart">
      <h2>Quickstart</h2>
      ${input.quickstartHtml}
    </section>
  </main>
</body>
</html>
`;
}

// Builds one self-contained Redoc page per API from the committed bundle in
// generated/openapi/, after the docs-only JSON-string transform, with the
// site's header (scripts/docs/site-nav.mts) above it and the SDK's sample
// first in every operation's sample panel.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { type ApiEntry, repoRoot } from "../codegen/apis.mts";
import { SAMPLE_LANGUAGES } from "../codegen/code-samples.mts";
import { describeJsonStrings } from "./json-strings.mts";
import { FAVICON, type NavLink } from "./site-nav.mts";

const run = promisify(execFile);

export interface ApiPage {
  api: string;
  title: string;
  summary: string;
  /** Path of the page relative to the site root. */
  href: string;
  /** JSON-encoded string fields whose decoded shape was added. */
  annotated: number;
}

/** Path of the committed bundle an API's docs are built from. */
export function bundlePath(api: string): string {
  return join(repoRoot, "generated/openapi", `${api}.yaml`);
}

// Redoc's "API docs by Redocly" badge is an image on Redocly's CDN, even with
// --inlineBundle. Inline SVG wordmarks take its place (the full one beside
// "API docs by", the mini one when the sidebar is collapsed), so the badge
// still reads "API docs by Redocly" and the page makes no network request.
const CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;
const svg = (width: number, text: string) =>
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="0" y="13" font-family="system-ui,sans-serif" font-size="13" font-weight="700" fill="#ff4b26">${text}</text></svg>`,
  );
const LOGOS = { mini: svg(12, "R"), full: svg(58, "Redocly") };

async function keepOffline(page: string): Promise<void> {
  const html = await readFile(page, "utf8");
  // A Redocly upgrade that moves the badge must fail here, not bring the request back unseen.
  if (!CDN_LOGO.test(html))
    throw new Error(`${page}: Redoc's badge is no longer at ${CDN_LOGO.source}; update CDN_LOGO`);
  await writeFile(
    page,
    html.replace(CDN_LOGO, (_url, full?: string) => (full ? LOGOS.full : LOGOS.mini)),
  );
}

/** Height of the site header above Redoc, which Redoc keeps clear when it scrolls. */
const HEADER_PX = 48;

/**
 * Redoc's options: the samples panel lists the SDK's TypeScript first (Redoc
 * opens the first language, and shows only the samples whose label is one of
 * these), then curl, then the generated payload.
 */
export const REDOC_OPTIONS = {
  codeSamples: {
    languages: [
      { lang: SAMPLE_LANGUAGES.typescript.lang, label: SAMPLE_LANGUAGES.typescript.label },
      { lang: "bash", label: SAMPLE_LANGUAGES.curl.label },
      { lang: "json", label: "Payload" },
    ],
  },
  scrollYOffset: HEADER_PX,
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The site header, fixed above Redoc; code samples wrap instead of running
// under the copy button and out of the panel (`!important`: Redoc's own
// styles come later in the page and set white-space on every code block).
const STYLE = `
body { padding: ${HEADER_PX}px 0 0; margin: 0; }
.site-header { position: fixed; top: 0; left: 0; right: 0; z-index: 1000; box-sizing: border-box; height: ${HEADER_PX}px;
  display: flex; align-items: center; gap: 1.25rem; padding: 0 2rem; overflow-x: auto; white-space: nowrap;
  background: #f2f4f8; border-bottom: 1px solid #d1d5da; font: 15px/1.4 system-ui, sans-serif; }
.site-header a { color: #1f2328; text-decoration: none; }
.site-header a:hover { text-decoration: underline; }
.site-header .site-title { font-weight: 700; margin-right: auto; }
.site-header a[aria-current] { font-weight: 600; color: #0969da; }
[data-component-name="CodeBlock/CodeBlockContainer"] { white-space: pre-wrap !important; overflow-wrap: anywhere; padding-right: 2.5rem !important; }
[data-component-name="CodeBlock/CodeBlockContainer"] code { white-space: inherit !important; }
`;

/**
 * The Handlebars template build-docs renders into: Redoc's head and body
 * with the site header above. `links` go from the site root; the page sits
 * one folder down.
 */
function redocTemplate(siteTitle: string, links: NavLink[], current: string): string {
  const nav = links
    .map((link) => {
      const here = link.href === current ? ' aria-current="page"' : "";
      return `<a href="../${escapeHtml(link.href)}"${here}>${escapeHtml(link.label)}</a>`;
    })
    .join("\n    ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf8" />
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="../${FAVICON.href}" type="image/svg+xml">
  <style>${STYLE}</style>
  {{{redocHead}}}
</head>
<body>
  <nav class="site-header" aria-label="Site">
    <a class="site-title" href="../index.html">${escapeHtml(siteTitle)}</a>
    ${nav}
  </nav>
  {{{redocHTML}}}
</body>
</html>
`;
}

/** What a Redoc page needs from the rest of the site: its title and header links. */
export interface RedocSite {
  title: string;
  links: NavLink[];
}

/** The title, summary and page of an API, before its page is built (the site header lists every API). */
export async function apiPage(api: ApiEntry): Promise<Omit<ApiPage, "annotated">> {
  const info = (parse(await readFile(bundlePath(api.name), "utf8")) as { info?: Record<string, unknown> }).info;
  return {
    api: api.name,
    title: String(info?.title ?? api.name),
    summary: String(info?.summary ?? ""),
    href: `${api.name}/index.html`,
  };
}

/**
 * Writes `<siteDir>/<api>/index.html`. `--inlineBundle` embeds Redoc itself,
 * so the page works offline (without it, Redoc is loaded from a CDN).
 */
export async function buildRedocPage(api: ApiEntry, siteDir: string, site: RedocSite): Promise<ApiPage> {
  const page = await apiPage(api);
  const bundled = parse(await readFile(bundlePath(api.name), "utf8"));
  const { doc, annotated } = describeJsonStrings(bundled);
  const scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-docs-"));
  try {
    const input = join(scratch, `${api.name}.yaml`);
    const template = join(scratch, "template.hbs");
    await writeFile(input, stringify(doc, { lineWidth: 0 }));
    await writeFile(template, redocTemplate(site.title, site.links, page.href));
    await mkdir(join(siteDir, api.name), { recursive: true });
    const cli = join(repoRoot, "node_modules/@redocly/cli/bin/cli.js");
    const output = join(siteDir, api.name, "index.html");
    await run(
      process.execPath,
      [
        cli,
        "build-docs",
        input,
        "--inlineBundle",
        `--openapi=${JSON.stringify(REDOC_OPTIONS)}`,
        `--template=${template}`,
        "-o",
        output,
      ],
      {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    await keepOffline(output);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { ...page, annotated };
}

// Builds one self-contained Redoc page per API from the committed bundle in
// generated/openapi/, after the docs-only JSON-string transform.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { type ApiEntry, repoRoot } from "../codegen/apis.mts";
import { describeJsonStrings } from "./json-strings.mts";

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
// --inlineBundle; an empty inline SVG takes its place so the page makes no
// network request at all.
const CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const EMPTY_SVG = "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E";

async function keepOffline(page: string): Promise<void> {
  const html = await readFile(page, "utf8");
  // A Redocly upgrade that moves the badge must fail here, not bring the request back unseen.
  if (!CDN_LOGO.test(html))
    throw new Error(`${page}: Redoc's badge is no longer at ${CDN_LOGO.source}; update CDN_LOGO`);
  await writeFile(page, html.replace(CDN_LOGO, EMPTY_SVG));
}

/**
 * Writes `<siteDir>/<api>/index.html`. `--inlineBundle` embeds Redoc itself,
 * so the page works offline (without it, Redoc is loaded from a CDN).
 */
export async function buildRedocPage(api: ApiEntry, siteDir: string): Promise<ApiPage> {
  const bundled = parse(await readFile(bundlePath(api.name), "utf8"));
  const { doc, annotated } = describeJsonStrings(bundled);
  const scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-docs-"));
  try {
    const input = join(scratch, `${api.name}.yaml`);
    await writeFile(input, stringify(doc, { lineWidth: 0 }));
    await mkdir(join(siteDir, api.name), { recursive: true });
    const cli = join(repoRoot, "node_modules/@redocly/cli/bin/cli.js");
    await run(
      process.execPath,
      [cli, "build-docs", input, "--inlineBundle", "-o", join(siteDir, api.name, "index.html")],
      {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    await keepOffline(join(siteDir, api.name, "index.html"));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return {
    api: api.name,
    title: String(doc.info?.title ?? api.name),
    summary: String(doc.info?.summary ?? ""),
    href: `${api.name}/index.html`,
    annotated,
  };
}

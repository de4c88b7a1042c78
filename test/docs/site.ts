// Shared by the browser tests: where the site is, its pages, where
// screenshots go, and which requests left loopback (none may).
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { repoRoot } from "../../scripts/codegen/apis.mts";
import type { ServedRequest } from "./static-server";

export const SITE_DIR = join(repoRoot, "site");
export const ARTIFACTS_DIR = join(repoRoot, "test/.artifacts/docs");

/** Path of a screenshot file, creating the artifacts folder on first use. */
export function screenshotPath(name: string): `${string}.png` {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, `${name}.png`) as `${string}.png`;
}

/** Requests that tried to leave loopback, printed: the pages must make none (the CDN logo included). */
export function unexpectedBlocked(page: string, blocked: string[]): string[] {
  if (blocked.length)
    console.log(`${page}: blocked ${blocked.length} request(s) leaving loopback:\n  ${blocked.join("\n  ")}`);
  return blocked;
}

/** Requests the docs server could not answer (every page links the site's icon, so Chromium never probes for one). */
export function unserved(requests: ServedRequest[]): ServedRequest[] {
  return requests.filter((r) => r.status !== 200);
}

/** Every HTML page of the built site, as paths from the site root (`documents/flows.html`), sorted. */
export function sitePages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith(".html") ? [join(dir, entry.name)] : [],
    );
  return walk(SITE_DIR)
    .map((file) => relative(SITE_DIR, file).split("\\").join("/"))
    .sort();
}

/**
 * The pages reachable from the home page by following the links written in
 * the HTML (the sidebar TypeDoc builds with script is left out, so a page
 * only that sidebar links counts as unreachable).
 */
export function linkedPages(start = "index.html"): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const page = queue.shift()!;
    if (seen.has(page)) continue;
    seen.add(page);
    const html = readFileSync(join(SITE_DIR, page), "utf8");
    for (const [, href] of html.matchAll(/href="([^"#?]+\.html)(?:[#?][^"]*)?"/g)) {
      if (/^[a-z]+:/i.test(href!)) continue;
      queue.push(posix.normalize(posix.join(posix.dirname(page), href!)));
    }
  }
  return seen;
}

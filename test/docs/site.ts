// Shared by the browser tests: where the site is, where screenshots go, and
// which blocked requests are known and harmless.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../scripts/codegen/apis.mts";
import type { ServedRequest } from "./static-server";

export const SITE_DIR = join(repoRoot, "site");
export const ARTIFACTS_DIR = join(repoRoot, "test/.artifacts/docs");

/**
 * Requests the pages may try and the tests block without failing: each is
 * decoration the page renders fine without. Anything else blocked fails.
 */
export const HARMLESS_BLOCKED = new Set([
  // Redoc's "API docs by Redocly" badge; Redocly CLI loads it from its CDN even with --inlineBundle.
  "image https://cdn.redoc.ly/redoc/logo-mini-full.svg",
]);

/** Path of a screenshot file, creating the artifacts folder on first use. */
export function screenshotPath(name: string): `${string}.png` {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, `${name}.png`) as `${string}.png`;
}

/** Blocked requests that are not known to be harmless; printed either way. */
export function unexpectedBlocked(page: string, blocked: string[]): string[] {
  if (blocked.length)
    console.log(`${page}: blocked ${blocked.length} request(s) leaving loopback:\n  ${blocked.join("\n  ")}`);
  return blocked.filter((request) => !HARMLESS_BLOCKED.has(request));
}

/** Requests the docs server could not answer, except Chromium's own favicon probe (no page asks for one). */
export function unserved(requests: ServedRequest[]): ServedRequest[] {
  return requests.filter((r) => r.status !== 200 && r.path !== "/favicon.ico");
}

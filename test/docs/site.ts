// Shared by the browser tests: where the site is, where screenshots go, and
// which requests left loopback (none may).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
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

/** Requests the docs server could not answer, except Chromium's own favicon probe (no page asks for one). */
export function unserved(requests: ServedRequest[]): ServedRequest[] {
  return requests.filter((r) => r.status !== 200 && r.path !== "/favicon.ico");
}

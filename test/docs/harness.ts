// What each browser test file starts: the static server over site/ and one
// Chromium, stopped when the file's tests are done.
import { afterAll, beforeAll } from "vitest";
import { type Chromium, launchChromium } from "./browser";
import { SITE_DIR } from "./site";
import { type StaticServer, serveStatic } from "./static-server";

export interface SiteBrowser {
  readonly server: StaticServer;
  readonly chromium: Chromium;
}

/** Starts the server and Chromium before the file's tests (read them inside tests and hooks) and stops them after. */
export function useSiteBrowser(): SiteBrowser {
  const started = {} as { server: StaticServer; chromium: Chromium };
  beforeAll(async () => {
    started.server = await serveStatic(SITE_DIR);
    started.chromium = await launchChromium();
  });
  afterAll(async () => {
    await started.chromium?.close();
    await started.server?.close();
  });
  return started;
}

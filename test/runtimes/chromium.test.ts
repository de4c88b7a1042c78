// Headless Chromium (Debian's package, driven by puppeteer-core): a page on
// the API's own origin loads the cases, bundled by esbuild from the installed
// package, and runs them. The browser trusts the test server's certificate
// by its public key pin (Chromium takes no CA file on the command line), and
// every host but 127.0.0.1 is unresolvable. The SDK in a browser is for
// trying the mock, never for real credentials.
import { X509Certificate, createHash } from "node:crypto";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { type Chromium, launchChromium } from "../docs/browser";
import { MATRIX, expectCases, useServers } from "./helpers/matrix";
import { expectWebhookCases } from "./helpers/webhooks";

const { certificates } = inject("runtimes");
const servers = useServers();
let chromium: Chromium;

beforeAll(async () => {
  const spki = new X509Certificate(certificates.cert).publicKey.export({ type: "spki", format: "der" });
  chromium = await launchChromium([
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    `--ignore-certificate-errors-spki-list=${createHash("sha256").update(spki).digest("base64")}`,
  ]);
});
afterAll(() => chromium?.close());

// Loads the page from `origin` and runs a suite there with `config`; its result.
async function runInPage(origin: string, config: unknown): Promise<unknown> {
  const page = await chromium.browser.newPage();
  try {
    await page.goto(`${origin}/runtime/page.html`);
    const json = await page.evaluate(
      (c) => (globalThis as unknown as { runCases(c: unknown): Promise<string> }).runCases(c),
      config,
    );
    return JSON.parse(json);
  } finally {
    await page.close();
  }
}

describe("Chromium", () => {
  it.each(MATRIX)("$protocol, $wire wire", async ({ protocol, wire }) => {
    const config = servers.config(protocol, wire);
    expectCases(await runInPage(config.baseUrl, config), servers.server(protocol), wire, {
      // Chromium sends its own User-Agent.
      userAgent: undefined,
      // "Failed to fetch" does not tell a refused connection from a dropped one.
      refusedRetried: false,
      fetchHeader: "sec-fetch-mode",
      defaultIsNodeHttp: false,
    });
  });

  // Signed and verified by the page's own crypto.subtle.
  it("receives the interaction events the emulator signed, and refuses changed ones", async () => {
    expectWebhookCases(await runInPage(servers.server("https").url, { suite: "webhooks" }));
  });
});

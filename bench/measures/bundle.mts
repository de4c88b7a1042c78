// (g) What a one-call consumer ships: esbuild, minified, then gzipped, from
// each SDK's fresh install. The SDK is built for the browser; twilio-node is
// tried for the browser too, and when that fails (it needs Node's fs, https,
// …) its Node build is the figure the ratio is taken against.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Fact } from "../metrics.mts";
import type { Results } from "../results.mts";
import type { Workspace } from "../workspace.mts";

const CONSUMERS = {
  sdk: `import { createInteractionsClient } from "twilio-interactions";
const twilio = createInteractionsClient({ accountSid: "AC0123456789abcdef0123456789abcdef", authToken: "token" });
console.log(await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } }));
`,
  twilio: `import twilio from "twilio";
const client = twilio("AC0123456789abcdef0123456789abcdef", "token");
console.log(await client.flexApi.v1.interaction("KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").fetch());
`,
};

type Outcome = { ok: true; minified: number; gzipped: number } | { ok: false; error: string };

async function bundle(dir: string, contents: string, platform: "browser" | "node"): Promise<Outcome> {
  try {
    const result = await build({
      stdin: { contents, resolveDir: dir, sourcefile: "consumer.mjs", loader: "js" },
      absWorkingDir: dir,
      bundle: true,
      minify: true,
      platform,
      format: "esm",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    return { ok: true, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors ?? [];
    const first = errors[0]?.text ?? (error as Error).message;
    return { ok: false, error: `${errors.length} errors, the first: ${first}` };
  }
}

export async function measureBundle(workspace: Workspace, results: Results): Promise<void> {
  const browser: Fact["values"] = {};
  for (const contender of ["sdk", "twilio"] as const) {
    const dir = workspace[contender];
    const inBrowser = await bundle(dir, CONSUMERS[contender], "browser");
    browser[contender] = inBrowser.ok ? "yes" : `no (${inBrowser.error})`;
    const figure = inBrowser.ok ? inBrowser : await bundle(dir, CONSUMERS[contender], "node");
    if (!figure.ok) throw new Error(`${contender} does not bundle for Node either: ${figure.error}`);
    results.add("bundle.gzip", contender, figure.gzipped / 1000);
    results.add("bundle.minified", contender, figure.minified / 1000);
  }
  results.facts.push({
    label: "Builds with esbuild --platform=browser",
    values: browser,
    target: { text: "builds", met: browser.sdk === "yes" },
  });
}

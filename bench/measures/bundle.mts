// (g) What a one-call consumer ships: esbuild, minified, then gzipped, from
// each SDK's fresh install. The SDK is built for the browser; twilio-node is
// tried for the browser too, and when that fails (it needs Node's fs, https,
// …) its Node build is the figure the ratio is taken against.
// The SDK is bundled three ways: one Flex call (the headline figure, beside
// twilio-node's one Flex call), one Proxy call, and one call of each. A
// program that makes path calls only builds the path layer alone with
// createPathClientFor, so its bundle holds the paths of the APIs it calls and
// no resource methods, paginate or middleware. The same three programs with
// the full client (createClientFor for one API, createInteractionsClient for
// both) are reported beside them as a fact.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Fact } from "../metrics.mts";
import type { Results } from "../results.mts";
import type { Workspace } from "../workspace.mts";

const CREDENTIALS = `{ accountSid: "AC0123456789abcdef0123456789abcdef", authToken: "token" }`;
const FLEX_CALL = `GET("/v1/Interactions/{Sid}", { params: { path: { Sid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } })`;
const PROXY_CALL = `GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", { params: { path: { ServiceSid: "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", SessionSid: "KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Sid: "KIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } })`;

const SDK_CONSUMERS = {
  flex: `import { createPathClientFor, flexPathApi } from "twilio-interactions";
const flex = createPathClientFor(flexPathApi, ${CREDENTIALS});
console.log(await flex.${FLEX_CALL});
`,
  proxy: `import { createPathClientFor, proxyPathApi } from "twilio-interactions";
const proxy = createPathClientFor(proxyPathApi, ${CREDENTIALS});
console.log(await proxy.${PROXY_CALL});
`,
  both: `import { createPathClientFor, flexPathApi, proxyPathApi } from "twilio-interactions";
const flex = createPathClientFor(flexPathApi, ${CREDENTIALS});
const proxy = createPathClientFor(proxyPathApi, ${CREDENTIALS});
console.log(await flex.${FLEX_CALL}, await proxy.${PROXY_CALL});
`,
};

// The same calls through the full client (resource methods, paginate, middleware).
const FULL_CLIENT_CONSUMERS = {
  flex: `import { createClientFor, flexApi } from "twilio-interactions";
const flex = createClientFor(flexApi, ${CREDENTIALS});
console.log(await flex.${FLEX_CALL});
`,
  proxy: `import { createClientFor, proxyApi } from "twilio-interactions";
const proxy = createClientFor(proxyApi, ${CREDENTIALS});
console.log(await proxy.${PROXY_CALL});
`,
  both: `import { createInteractionsClient } from "twilio-interactions";
const twilio = createInteractionsClient(${CREDENTIALS});
console.log(await twilio.flex.${FLEX_CALL}, await twilio.proxy.${PROXY_CALL});
`,
};

const TWILIO_CONSUMER = `import twilio from "twilio";
const client = twilio("AC0123456789abcdef0123456789abcdef", "token");
console.log(await client.flexApi.v1.interaction("KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").fetch());
`;

// Metric keys of each SDK consumer; "bundle.gzip" and "bundle.minified" are the one-Flex-call figures.
const KEYS = {
  flex: { gzip: "bundle.gzip", minified: "bundle.minified" },
  proxy: { gzip: "bundle.proxy.gzip", minified: "bundle.proxy.minified" },
  both: { gzip: "bundle.both.gzip", minified: "bundle.both.minified" },
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
  for (const [consumer, keys] of Object.entries(KEYS) as [keyof typeof KEYS, (typeof KEYS)["flex"]][]) {
    const figure = await bundle(workspace.sdk, SDK_CONSUMERS[consumer], "browser");
    if (!figure.ok) throw new Error(`The SDK's ${consumer} consumer does not bundle for the browser: ${figure.error}`);
    results.add(keys.gzip, "sdk", figure.gzipped / 1000);
    results.add(keys.minified, "sdk", figure.minified / 1000);
  }
  browser.sdk = "yes";
  const full: string[] = [];
  for (const [consumer, name] of [
    ["flex", "one Flex call"],
    ["proxy", "one Proxy call"],
    ["both", "one of each"],
  ] as const) {
    const figure = await bundle(workspace.sdk, FULL_CLIENT_CONSUMERS[consumer], "browser");
    if (!figure.ok) throw new Error(`The SDK's full-client ${consumer} consumer does not bundle: ${figure.error}`);
    full.push(`${name} ${(figure.gzipped / 1000).toFixed(1)} kB`);
  }
  results.facts.push({
    label: "Bundle with the full client (createClientFor, createInteractionsClient), minified + gzipped",
    values: { sdk: full.join(", ") },
  });
  const inBrowser = await bundle(workspace.twilio, TWILIO_CONSUMER, "browser");
  browser.twilio = inBrowser.ok ? "yes" : `no (${inBrowser.error})`;
  const figure = inBrowser.ok ? inBrowser : await bundle(workspace.twilio, TWILIO_CONSUMER, "node");
  if (!figure.ok) throw new Error(`twilio does not bundle for Node either: ${figure.error}`);
  results.add(KEYS.flex.gzip, "twilio", figure.gzipped / 1000);
  results.add(KEYS.flex.minified, "twilio", figure.minified / 1000);
  results.facts.push({
    label: "Builds with esbuild --platform=browser",
    values: browser,
    target: { text: "builds", met: browser.sdk === "yes" },
  });
}

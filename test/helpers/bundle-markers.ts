import { build } from "esbuild";

// Strings that show which generated data a bundle holds: a Flex path, a Proxy
// path, a webhook event's name and a JSON-string shape's property. Each is in
// exactly one of generated/*-operations.ts's constants.
const MARKERS = {
  flex: "/v1/Interactions/{InteractionSid}/Channels",
  proxy: "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions",
  webhooks: "onParticipantJoined",
  jsonStrings: "flexInteractionChannelSid",
};

/** Which generated data the bundled code holds. */
export function dataIn(code: string): string[] {
  return Object.entries(MARKERS)
    .filter(([, marker]) => code.includes(marker))
    .map(([name]) => name);
}

/** A program that builds one API's client with `createClientFor`. */
export const oneApiConsumer = (api: "flex" | "proxy") =>
  `import { createClientFor, ${api}Api } from "twilio-interactions";\nconsole.log(createClientFor(${api}Api));\n`;

// Strings that show which parts of the client's code a bundle holds, each in one part only.
const CODE_MARKERS = {
  nodeWire: "getBuiltinModule",
  resources: "Parameters of the operation go in the argument before the options.",
  paginate: "next_page_url",
  openapiFetchClient: "Middleware must be an object",
};

/** Which parts of the client's code (beyond the path layer) the bundled code holds. */
export function codeIn(code: string): string[] {
  return Object.entries(CODE_MARKERS)
    .filter(([, marker]) => code.includes(marker))
    .map(([name]) => name);
}

const ONE_CALL = {
  flex: ["/v1/Interactions/{Sid}", { Sid: `KD${"a".repeat(32)}` }],
  proxy: [
    "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}",
    { ServiceSid: `KS${"a".repeat(32)}`, SessionSid: `KC${"a".repeat(32)}`, Sid: `KI${"a".repeat(32)}` },
  ],
} as const;

/** A program that makes one call with the path client of one API. */
export const pathClientConsumer = (api: "flex" | "proxy") =>
  `import { createPathClientFor, ${api}PathApi } from "twilio-interactions";\n` +
  `const client = createPathClientFor(${api}PathApi);\n` +
  `console.log(await client.GET(${JSON.stringify(ONE_CALL[api][0])}, { params: { path: ${JSON.stringify(ONE_CALL[api][1])} } }));\n`;

/** `consumer` bundled for the browser and minified, with "twilio-interactions" resolved to the sources. */
export async function bundleFromSources(consumer: string): Promise<string> {
  const result = await build({
    stdin: { contents: consumer, resolveDir: import.meta.dirname, loader: "ts" },
    alias: { "twilio-interactions": new URL("../../src/index.ts", import.meta.url).pathname },
    define: { __SDK_VERSION__: '"0.0.0"' },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

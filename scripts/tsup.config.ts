// Builds the npm package: one bundle of src/index.ts (with the generated
// code and openapi-fetch) as ESM (`dist/index.mjs`) and CommonJS
// (`dist/index.js`), each with its own declarations (`.d.mts`, `.d.ts`); and
// beside it the emulator, `twilio-interactions/testing` (`dist/testing.*`).
// The emulator signs its webhook requests with the SDK's signature module;
// with code splitting off, each bundle keeps its own copy of that small
// module and neither imports the other or a shared chunk.
// package.json says "type": "commonjs" so that `.js` is the CommonJS build
// (publint asks for the field to be explicit); test/package/ runs `require()`
// and `import` of the packed tarball to prove both work.
import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  splitting: false,
  // The runtime's own tsconfig (web-worker globals, no Node types), so the
  // declarations never mention a Node type users may not have.
  tsconfig: "src/tsconfig.json",
  outDir: "dist",
  clean: true,
  // Node >= 20.19 and current edge runtimes and browsers all run ES2022 (the SDK uses private fields).
  target: "es2022",
  // Neither Node nor browser: the SDK uses only web-standard globals.
  platform: "neutral",
  // Readable output: apps minify their own bundles, and stack traces stay useful.
  minify: false,
  sourcemap: false,
  // openapi-fetch (and the helper types it uses) are bundled, code and declarations: the
  // package installs as one directory with no dependencies (its own npm package ships
  // sources, maps and a floating openapi-typescript-helpers range), and the CJS build
  // never meets openapi-fetch's ESM/CJS interop. Its MIT license is in LICENSE.
  noExternal: ["openapi-fetch"],
  dts: {
    resolve: ["openapi-fetch", "openapi-typescript-helpers"],
    // openapi-fetch's exports map has no "types" condition, which the declaration bundler needs.
    compilerOptions: {
      baseUrl: ".",
      paths: {
        "openapi-fetch": ["node_modules/openapi-fetch/dist/index.d.ts"],
        "openapi-typescript-helpers": ["node_modules/openapi-typescript-helpers/dist/index.d.ts"],
      },
    },
  },
  define: { __SDK_VERSION__: JSON.stringify(version) },
});

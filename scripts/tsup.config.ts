// Builds the npm package: src/index.ts (with the generated code and
// openapi-fetch) and the emulator, `twilio-interactions/testing`
// (src/testing/index.ts), as ES modules (`dist/index.mjs`, `dist/testing.mjs`)
// whose shared code (errors, webhook signatures) is one chunk both import, and
// one declaration file per entry. scripts/package-dist.mts then adds the
// CommonJS entries and declarations over the same files, so the package holds
// one copy of its code and of its declarations.
// package.json says "type": "commonjs" so that `.js` is the CommonJS entry
// (publint asks for the field to be explicit); test/package/ runs `require()`
// and `import` of the packed tarball to prove both work.
import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The package's entry points, by the name of their files in dist/. */
export const entry = { index: "src/index.ts", testing: "src/testing/index.ts" };

/**
 * What package.json's "imports" map `#wire-node` to, each its own small file
 * so that a browser or worker bundle leaves the node:http wire out
 * (`wire-none`) while Node loads it (`wire-node`), with no code twice.
 */
const wires = { "wire-node": "src/wire-node.ts", "wire-none": "src/wire-none.ts" };

export default defineConfig({
  entry: { ...entry, ...wires },
  // Resolved by whoever loads the package, by their conditions.
  external: ["#wire-node"],
  format: ["esm"],
  splitting: true,
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
  // sources, maps and a floating openapi-typescript-helpers range), and CommonJS code
  // never meets openapi-fetch's ESM/CJS interop. Its MIT license is in LICENSE.
  noExternal: ["openapi-fetch"],
  dts: {
    entry,
    resolve: ["openapi-fetch", "openapi-typescript-helpers"],
    // openapi-fetch's exports map has no "types" condition, which the declaration bundler needs.
    compilerOptions: {
      baseUrl: ".",
      paths: {
        "openapi-fetch": ["node_modules/openapi-fetch/dist/index.d.ts"],
        "openapi-typescript-helpers": ["node_modules/openapi-typescript-helpers/dist/index.d.ts"],
        "#wire-node": ["src/wire-node.ts"],
      },
    },
  },
  define: { __SDK_VERSION__: JSON.stringify(version) },
});

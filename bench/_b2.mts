import { build } from "esbuild";
await build({ entryPoints: ["/work/main/src/testing/index.ts"], bundle: true, platform: "node", format: "esm", target: "node20", outfile: process.argv[2], logLevel: "error" });

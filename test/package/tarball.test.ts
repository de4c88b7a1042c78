// What npm would publish: only dist/ and the docs, a dist/ that imports
// nothing (openapi-fetch is bundled), and clean reports from publint and
// @arethetypeswrong/cli. Each checker also gets a deliberately broken copy of
// the package, to show it can fail here.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot, runToEnd } from "./helpers/run";

const packed = inject("packed");
const installed = join(packed.project, "node_modules/twilio-interactions");
const broken = join(dirname(packed.project), "broken-copy");
const ATTW = join(repoRoot, "node_modules/.bin/attw");
const DIST = [
  "dist/index.d.mts",
  "dist/index.d.ts",
  "dist/index.js",
  "dist/index.mjs",
  "dist/testing.d.mts",
  "dist/testing.d.ts",
  "dist/testing.js",
  "dist/testing.mjs",
];

beforeAll(() => {
  // ESM resolution given the CommonJS declarations: the classic "types are wrong" mistake.
  cpSync(installed, broken, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(broken, "package.json"), "utf8"));
  pkg.exports["."].import.types = "./dist/index.d.ts";
  delete pkg.scripts; // attw --pack runs npm pack, which must not try to build here
  writeFileSync(join(broken, "package.json"), JSON.stringify(pkg, null, 2));
});

describe("tarball contents", () => {
  it("holds dist/ and the package's docs, nothing else", () => {
    const paths = packed.files.map((file) => file.path).sort();
    console.log(
      `tarball ${packed.size} bytes, unpacked ${packed.unpackedSize} bytes:\n` +
        packed.files.map((file) => `  ${String(file.size).padStart(8)}  ${file.path}`).join("\n"),
    );
    expect(paths.filter((path) => path.startsWith("dist/"))).toEqual(DIST);
    expect(paths).toContain("package.json");
    expect(paths).toContain("README.md");
    // No tests, spec, sources or build scripts; a license or changelog may join the docs.
    expect(paths.filter((path) => !path.startsWith("dist/"))).toEqual(
      paths.filter((path) => /^(package\.json|README\.md|LICEN[CS]E(\.\w+)?|CHANGELOG\.md)$/.test(path)),
    );
  });

  it("has a self-contained dist/ (openapi-fetch bundled, no imports) that carries the version", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    for (const file of DIST) {
      const text = readFileSync(join(installed, file), "utf8");
      // JSDoc examples import "twilio-interactions"; only real import statements count.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, "");
      const specifiers = [...code.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g)].map(
        (match) => match[1],
      );
      // Declarations and code are self-contained: no ../generated or src/ path left behind, no node: built-in.
      expect(new Set(specifiers), file).toEqual(new Set());
      // The SDK reports its version; the emulator has none of its own.
      if (file.startsWith("dist/index") && file.endsWith("js")) {
        expect(text, file).not.toContain("__SDK_VERSION__");
        expect(text, file).toContain(JSON.stringify(pkg.version));
      }
    }
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});

describe("publint", () => {
  it("reports nothing, suggestions included, on the installed package", async () => {
    const { messages, pkg } = await publint({ pkgDir: installed, pack: false, level: "suggestion", strict: true });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  it("flags the broken copy", async () => {
    const { messages } = await publint({ pkgDir: broken, pack: false, level: "suggestion", strict: true });
    expect(messages.map((message) => message.code)).toContain("EXPORTS_TYPES_INVALID_FORMAT");
  });
});

describe("@arethetypeswrong/cli", () => {
  it("finds no problem in the tarball under node10, node16 (CJS and ESM) and bundler", async () => {
    const args = [packed.tarball, "--format", "json", "--exclude-entrypoints", "./testing"];
    const { status, stdout, stderr } = await runToEnd(ATTW, args, { cwd: repoRoot });
    expect(stderr).toBe("");
    const report = JSON.parse(stdout);
    expect(report.problems).toEqual({});
    expect(status).toBe(0);
  });

  it("finds no problem in ./testing under node16 (CJS and ESM) and bundler", async () => {
    // TypeScript's legacy node10 resolution ignores `exports`, so it cannot reach a subpath; the fix
    // (typesVersions) is rejected by publint for its fallback arrays, so node10 is left out here.
    const args = [packed.tarball, "--format", "json", "--entrypoints", "./testing", "--profile", "node16"];
    const { status, stdout } = await runToEnd(ATTW, args, { cwd: repoRoot });
    const problems = Object.values<{ resolutionKind?: string }[]>(JSON.parse(stdout).problems).flat();
    expect(problems.filter((problem) => problem.resolutionKind !== "node10")).toEqual([]);
    expect(status).toBe(0);
  });

  it("flags the broken copy", async () => {
    const { status, stdout } = await runToEnd(ATTW, ["--pack", broken, "--format", "json"], { cwd: repoRoot });
    expect(Object.keys(JSON.parse(stdout).problems)).toContain("FalseCJS");
    expect(status).toBe(1);
  });
});

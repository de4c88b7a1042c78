// What npm would publish: only dist/, the testing/ stub and the docs, a dist/ that imports
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
// Whatever files the build splits dist/ into: the checks are on what they do, not on their list.
const DIST = packed.files.map((file) => file.path).filter((path) => path.startsWith("dist/"));

beforeAll(() => {
  // ESM resolution given the CommonJS declarations: the classic "types are wrong" mistake.
  cpSync(installed, broken, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(broken, "package.json"), "utf8"));
  pkg.exports["."].import.types = "./dist/index.d.ts";
  delete pkg.scripts; // attw --pack runs npm pack, which must not try to build here
  writeFileSync(join(broken, "package.json"), JSON.stringify(pkg, null, 2));
});

describe("tarball contents", () => {
  it("holds dist/, the testing/ stub and the package's docs, nothing else", () => {
    const paths = packed.files.map((file) => file.path).sort();
    // Every file an entry point names is there (attw and the consumers check that they work).
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    const targets = JSON.stringify(pkg.exports)
      .match(/"\.\/dist\/[^"]+"/g)!
      .map((t: string) => t.slice(3, -1));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(paths).toContain(target);
    expect(paths).toContain("package.json");
    expect(paths).toContain("README.md");
    // No tests, spec, sources or build scripts; a license or changelog may join the docs.
    expect(paths.filter((path) => !path.startsWith("dist/"))).toEqual(
      paths.filter((path) =>
        /^(package\.json|testing\/package\.json|README\.md|LICEN[CS]E(\.\w+)?|CHANGELOG\.md)$/.test(path),
      ),
    );
  });

  it("has a self-contained dist/ (openapi-fetch bundled, nothing imported from outside it) that carries the version", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    for (const file of DIST) {
      const text = readFileSync(join(installed, file), "utf8");
      // JSDoc examples import "twilio-interactions"; only real import statements count.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, "");
      // `from` right after a quote is a string ("from", a parameter name), not an import.
      const specifiers = [...code.matchAll(/(?:(?<!["'])\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g)].map(
        (match) => match[1],
      );
      // Declarations and code are self-contained: they import only one another (an entry its shared
      // chunk, a CommonJS entry its ES module, or the package's "imports", each of whose targets is
      // one of them), no ../generated or src/ path left behind, no node: built-in.
      const inDist = (specifier: string) =>
        specifier in (pkg.imports ?? {})
          ? Object.values(pkg.imports[specifier] as Record<string, string>).every((target) =>
              DIST.includes(join(target)),
            )
          : DIST.includes(join("dist", specifier));
      const outside = specifiers.filter((specifier) => !inDist(specifier!));
      expect(new Set(outside), file).toEqual(new Set());
      // The SDK reports its version (its ES module, which the CommonJS entry loads too); the emulator has none of its own.
      expect(text, file).not.toContain("__SDK_VERSION__");
      if (file === "dist/index.mjs") expect(text, file).toContain(JSON.stringify(pkg.version));
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
  it("finds no problem for any entry point under node10, node16 (CJS and ESM) and bundler", async () => {
    // No entry point or resolution left out: testing/package.json points node10 into dist/.
    const { status, stdout, stderr } = await runToEnd(ATTW, [packed.tarball, "--format", "json"], { cwd: repoRoot });
    expect(stderr).toBe("");
    const report = JSON.parse(stdout);
    expect(report.problems).toEqual({});
    // The report covers every subpath of `exports`, each under all four resolutions.
    const kinds = (entry: string) => Object.keys(report.analysis.entrypoints[entry].resolutions).sort();
    for (const entry of [".", "./testing"])
      expect(kinds(entry)).toEqual(["bundler", "node10", "node16-cjs", "node16-esm"]);
    expect(status).toBe(0);
  });

  it("flags the broken copy", async () => {
    const { status, stdout } = await runToEnd(ATTW, ["--pack", broken, "--format", "json"], { cwd: repoRoot });
    expect(Object.keys(JSON.parse(stdout).problems)).toContain("FalseCJS");
    expect(status).toBe(1);
  });
});

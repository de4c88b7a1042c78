// npm run spec:upstream -- <file or URL> [<file or URL> …] [--markdown report.md]
// Compares our spec with Twilio's published OpenAPI descriptions (one per
// product, e.g. twilio_flex_v1.json and twilio_proxy_v1.json from the
// twilio/twilio-oai repository), each with our description of the same API.
// Prints the differences grouped as Twilio added, Twilio removed, differs and
// known deviations, and exits 1 when any difference is not a listed
// deviation (2 when a description cannot be read or matched).
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { apis } from "../generated/apis";
import { compareDescriptions, formatComparison, sameApi } from "./upstream/compare.mts";

type Json = Record<string, any>;

async function load(source: string): Promise<Json> {
  let text: string;
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source} answered ${response.status}.`);
    text = await response.text();
  } else {
    text = await readFile(source, "utf8");
  }
  // YAML is a superset of JSON: one parser reads both forms Twilio publishes.
  const doc = parse(text, { maxAliasCount: -1 }) as Json;
  if (!doc || typeof doc !== "object" || !doc.paths)
    throw new Error(`${source} is not an OpenAPI description (it has no paths).`);
  return doc;
}

const ours = await Promise.all(
  Object.keys(apis).map(async (name) => ({
    name,
    doc: parse(await readFile(new URL(`../generated/openapi/${name}.yaml`, import.meta.url), "utf8")) as Json,
  })),
);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { markdown: { type: "string" } },
  });
  if (!positionals.length) {
    console.error(
      "Usage: npm run spec:upstream -- <file or URL of a Twilio OpenAPI description> […] [--markdown report.md]",
    );
    return 2;
  }
  const sections: string[] = [];
  let drift = 0;
  for (const source of positionals) {
    const theirs = await load(source);
    const match = ours.find(({ doc }) => sameApi(doc, theirs));
    if (!match) throw new Error(`${source} describes none of our APIs (${ours.map((o) => o.name).join(", ")}).`);
    const comparison = compareDescriptions(match.doc, theirs);
    drift += comparison.differences.length;
    sections.push(formatComparison(comparison, `spec/${match.name}.yaml against ${source}`));
  }
  const verdict = drift
    ? `${drift} difference(s) from Twilio's description that our spec does not list as deviations.`
    : "No drift: every difference from Twilio's description is a listed deviation.";
  const report = [`# Upstream drift check`, "", verdict, "", ...sections].join("\n");
  console.log(report);
  if (values.markdown) await writeFile(values.markdown, report);
  return drift ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);

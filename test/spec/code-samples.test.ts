// Every operation of the bundled descriptions carries its code samples, the
// SDK call first and curl second, and every TypeScript sample type-checks
// strictly against the SDK: a renamed method or a stale example fails here.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REDOC_OPTIONS } from "../../scripts/docs/redoc.mts";
import { API_NAMES, loadSpec, operationsOf } from "../helpers/spec";
import { strictTsc } from "../helpers/strict-tsc";

const samples = API_NAMES.flatMap((api) =>
  operationsOf(loadSpec(api)).map(({ op }) => ({
    operationId: op.operationId as string,
    samples: (op["x-codeSamples"] ?? []) as { lang: string; label: string; source: string }[],
  })),
);

describe("x-codeSamples in the bundled descriptions", () => {
  it.each(samples)("$operationId has the SDK call, then curl", ({ samples }) => {
    expect(samples.map((s) => s.lang)).toEqual(["TypeScript", "Shell"]);
    expect(samples[0]!.source).toMatch(/await (\(const \w+ of )?twilio\.(flex|proxy)\./);
    expect(samples[1]!.source).toMatch(/^curl -X (GET|POST|DELETE) "https:\/\//);
  });

  it("are the languages the Redoc pages are built with, so Redoc opens the TypeScript sample first", () => {
    // Redoc shows a sample only when its label is one of the configured languages, and opens the first.
    const configured = REDOC_OPTIONS.codeSamples.languages.map((l) => l.label);
    expect(configured[0]).toBe("TypeScript");
    for (const { operationId, samples: own } of samples) {
      for (const sample of own) expect(configured, `${operationId}: ${sample.label}`).toContain(sample.label);
      expect(own[0]!.label, operationId).toBe(configured[0]);
    }
  });

  it("decode JSON-in-form fields in the request examples", () => {
    const create = samples.find((s) => s.operationId === "CreateInteraction")!.samples;
    expect(create[0]!.source).toContain('Channel: {\n    type: "sms",');
    expect(create[1]!.source).toContain(`--data-urlencode 'Channel={"type":"sms",`);
  });

  it("type-check strictly against the SDK", async () => {
    const scratch = await mkdtemp(join(tmpdir(), "twilio-interactions-samples-"));
    try {
      const files = samples.map(({ operationId }) => `${operationId}.mts`);
      await Promise.all(
        samples.map(({ operationId, samples }) => writeFile(join(scratch, `${operationId}.mts`), samples[0]!.source)),
      );
      expect(await strictTsc(scratch, files)).toBe("");
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

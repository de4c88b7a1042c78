// The docs-only transform that shows what a JSON-encoded string field decodes to.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { readApis } from "../../scripts/codegen/apis.mts";
import { resolve } from "../../scripts/codegen/facts.mts";
import { SHAPE_HEADING, describeJsonStrings } from "../../scripts/docs/json-strings.mts";
import { bundlePath } from "../../scripts/docs/redoc.mts";

type Json = Record<string, any>;

/** Every JSON-encoded string schema of a document, with where it is. */
function jsonStrings(node: unknown, at = "#"): { at: string; schema: Json }[] {
  if (!node || typeof node !== "object") return [];
  const here = (node as Json).contentMediaType === "application/json" ? [{ at, schema: node as Json }] : [];
  return [
    ...here,
    ...Object.entries(node as Json)
      .filter(([key]) => key !== "contentSchema")
      .flatMap(([key, value]) => jsonStrings(value, `${at}/${key}`)),
  ];
}

describe.each(await readApis())("the $name bundle", ({ name }) => {
  it("gets the decoded shape of every JSON-encoded string field appended to its description", async () => {
    const bundled = parse(await readFile(bundlePath(name), "utf8"));
    const before = structuredClone(bundled);
    const { doc, annotated } = describeJsonStrings(bundled);
    const originals = jsonStrings(bundled);
    expect(annotated).toBe(originals.length);
    expect(bundled).toEqual(before);
    const transformed = new Map(jsonStrings(doc).map(({ at, schema }) => [at, schema]));
    for (const { at, schema } of originals) {
      const description: string = transformed.get(at)!.description;
      expect(description.startsWith(schema.description ?? ""), at).toBe(true);
      expect(description, at).toContain(`**${SHAPE_HEADING}`);
      for (const key of Object.keys(resolve(bundled, schema.contentSchema).properties ?? {})) {
        expect(description, `${at}: ${key}`).toContain(`\`${key}\``);
      }
    }
  });
});

describe("the rendered shape", () => {
  const field = (contentSchema: Json) => ({ type: "string", contentMediaType: "application/json", contentSchema });
  const render = (doc: Json) => describeJsonStrings(doc).doc.paths.x.description as string;

  it("nests objects, arrays and oneOf shapes, marks required fields and names SID prefixes", () => {
    const doc = {
      components: {
        schemas: {
          Sid: { type: "string", pattern: "^KD[0-9a-fA-F]{32}$" },
          Phone: { type: "object", title: "Phone", required: ["address"], properties: { address: { type: "string" } } },
          Chat: { type: "object", title: "Chat", properties: { identity: { type: "string", description: "Who." } } },
          Params: {
            type: "object",
            required: ["kind"],
            properties: {
              kind: { type: "string", enum: ["a", "b"] },
              sid: { $ref: "#/components/schemas/Sid", description: "Own description wins." },
              people: {
                type: "array",
                items: { oneOf: [{ $ref: "#/components/schemas/Phone" }, { $ref: "#/components/schemas/Chat" }] },
              },
            },
            examples: [{ kind: "a" }],
          },
        },
      },
      paths: { x: { description: "Intro.", ...field({ $ref: "#/components/schemas/Params" }) } },
    };
    expect(render(doc)).toBe(
      [
        "Intro.",
        "",
        `**${SHAPE_HEADING} (\`Params\`).** The string is this object, JSON-encoded:`,
        "",
        "- `kind` (`a` | `b`, **required**)",
        "- `sid` (`KD…` SID): Own description wins.",
        "- `people` (array of one of the shapes below)",
        "  - *Phone*",
        "    - `address` (string, **required**)",
        "  - *Chat*",
        "    - `identity` (string): Who.",
        "",
        "Example:",
        "",
        '```json\n{\n  "kind": "a"\n}\n```',
      ].join("\n"),
    );
  });

  it("stops at a schema that contains itself", () => {
    const doc = {
      components: {
        schemas: { Node: { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } } },
      },
      paths: { x: field({ $ref: "#/components/schemas/Node" }) },
    };
    expect(render(doc)).toContain("- `child` (object)");
    expect(render(doc).match(/`child`/g)).toHaveLength(1);
  });

  it("says so when the object may hold any keys", () => {
    expect(render({ paths: { x: field({ type: "object", additionalProperties: true }) } })).toBe(
      `**${SHAPE_HEADING}.** The string is a JSON-encoded object with any keys.`,
    );
  });
});

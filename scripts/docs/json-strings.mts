// Docs-only transform: Redoc shows a `type: string` field with
// `contentMediaType: application/json` as a bare "string", hiding the object
// the string must encode. This appends that object's shape (and an example
// when the schema has one) to the field's description, in a copy of the
// bundled document that only the docs build sees.
import { resolve } from "../codegen/facts.mts";
import { refName, renderShape } from "./json-shape.mts";

type Json = Record<string, any>;

const JSON_MEDIA = "application/json";

/** Heading the docs put before every decoded shape; the browser test looks for it. */
export const SHAPE_HEADING = "Decoded JSON";

function shapeMarkdown(doc: Json, contentSchema: unknown): string {
  const name = refName(contentSchema);
  const schema = resolve(doc, contentSchema) ?? {};
  const fields = renderShape(doc, contentSchema);
  const lead = `**${SHAPE_HEADING}${name ? ` (\`${name}\`)` : ""}.**`;
  if (!fields) return `${lead} The string is a JSON-encoded object with any keys.`;
  const parts = [`${lead} The string is this object, JSON-encoded:`, fields];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    parts.push("Example:", "```json\n" + JSON.stringify(schema.examples[0], null, 2) + "\n```");
  }
  return parts.join("\n\n");
}

/**
 * Returns a copy of a bundled API document in which every JSON-encoded string
 * schema describes, in Markdown, the object its string decodes to.
 * Returns the copy and the number of fields it annotated.
 */
export function describeJsonStrings(bundled: Json): { doc: Json; annotated: number } {
  const doc = structuredClone(bundled);
  let annotated = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const schema = node as Json;
    if (schema.contentMediaType === JSON_MEDIA && schema.contentSchema) {
      const own = typeof schema.description === "string" ? schema.description.trim() : "";
      schema.description = [own, shapeMarkdown(bundled, schema.contentSchema)].filter(Boolean).join("\n\n");
      annotated++;
    }
    // Shapes are rendered from the untouched original, so text appended here
    // never leaks into another field's outline.
    for (const [key, value] of Object.entries(schema)) if (key !== "contentSchema") visit(value);
  };
  visit(doc);
  return { doc, annotated };
}

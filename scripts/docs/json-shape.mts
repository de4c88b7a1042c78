// Renders a JSON schema as a Markdown outline (nested bullet list): one line
// per property with its type, whether it is required and its description.
// A list rather than a table because Redoc shows field descriptions in a
// narrow column, and nesting mirrors the object's structure.
import { resolve, sidPrefix } from "../codegen/facts.mts";

type Json = Record<string, any>;

/** Name of the component a `$ref` points to, if it points to one. */
export function refName(schema: unknown): string | undefined {
  const ref = (schema as Json | undefined)?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice(21) : undefined;
}

function oneLine(text: unknown): string {
  return typeof text === "string" ? text.replace(/\s*\n\s*/g, " ").trim() : "";
}

function alternatives(schema: Json): unknown[] | undefined {
  return schema.oneOf ?? schema.anyOf;
}

/** A short type label: `string`, `` `a` | `b` ``, `` `WS…` SID ``, `array of object`, `one of: …`. */
function typeLabel(doc: Json, node: unknown): string {
  const schema = resolve(doc, node) ?? {};
  const prefix = sidPrefix(doc, node);
  if (prefix) return `\`${prefix}…\` SID`;
  if (Array.isArray(schema.enum)) return schema.enum.map((v: unknown) => `\`${String(v)}\``).join(" | ");
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  const choices = alternatives(schema);
  if (choices) return "one of the shapes below";
  if (schema.type === "array") return `array of ${typeLabel(doc, schema.items)}`;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.properties && !types.includes("object")) types.unshift("object");
  const label = types.join(" or ") || "any";
  return schema.additionalProperties === true && schema.properties ? `${label}, other keys allowed` : label;
}

/** Bullets for the fields of an object schema (or of each shape of a oneOf/anyOf), indented by depth. */
function fieldLines(doc: Json, node: unknown, depth: number, seen: Set<string>): string[] {
  const name = refName(node);
  if (name && seen.has(name)) return [];
  const inside = name ? new Set([...seen, name]) : seen;
  const schema = resolve(doc, node) ?? {};
  const pad = "  ".repeat(depth);
  if (schema.type === "array") return fieldLines(doc, schema.items, depth, inside);
  const choices = alternatives(schema);
  if (choices) {
    return choices.flatMap((choice, i) => {
      const resolved = resolve(doc, choice) ?? {};
      const title = oneLine(resolved.title) || refName(choice) || `shape ${i + 1}`;
      const about = oneLine(resolved.description);
      return [`${pad}- *${title}*${about ? `: ${about}` : ""}`, ...fieldLines(doc, choice, depth + 1, inside)];
    });
  }
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries<unknown>(schema.properties ?? {}).flatMap(([prop, propNode]) => {
    // OpenAPI 3.1 lets a description sit next to a $ref; it wins over the target's.
    const about = oneLine((propNode as Json).description) || oneLine(resolve(doc, propNode)?.description);
    const flags = required.has(prop) ? ", **required**" : "";
    const line = `${pad}- \`${prop}\` (${typeLabel(doc, propNode)}${flags})${about ? `: ${about}` : ""}`;
    return [line, ...fieldLines(doc, propNode, depth + 1, inside)];
  });
}

/** The Markdown outline of a schema's fields, or an empty string when it has none. */
export function renderShape(doc: Json, schema: unknown): string {
  return fieldLines(doc, schema, 0, new Set()).join("\n");
}

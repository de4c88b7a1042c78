/**
 * The part of a JSON Schema that `npm run generate` keeps for the JSON strings
 * of responses (`generated/*-operations.ts`), so the decoders can check a
 * decoded value against the spec without a schema library.
 * @internal
 */
export interface JsonShape {
  readonly type?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly anyOf?: readonly JsonShape[];
  readonly properties?: Readonly<Record<string, JsonShape>>;
  readonly items?: JsonShape;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function hasType(value: unknown, types: readonly string[]): boolean {
  const actual = typeOf(value);
  return types.some(
    (type) =>
      type === actual || (type === "integer" && Number.isInteger(value)) || (type === "number" && actual === "number"),
  );
}

/**
 * Where `value` breaks `shape`, as `at: what was expected`, or undefined when
 * it fits. Keys the shape does not list are accepted: the decoded objects are
 * open for custom keys.
 * @internal
 */
export function shapeMismatch(value: unknown, shape: JsonShape, at = "$"): string | undefined {
  if (shape.anyOf && !shape.anyOf.some((branch) => shapeMismatch(value, branch, at) === undefined)) {
    return `${at}: matches none of its allowed forms`;
  }
  if (shape.type && !hasType(value, shape.type))
    return `${at}: expected ${shape.type.join(" or ")}, got ${typeOf(value)}`;
  if (shape.enum && !shape.enum.includes(value)) return `${at}: expected one of ${shape.enum.join(", ")}`;
  if (shape.pattern && typeof value === "string" && !new RegExp(shape.pattern).test(value)) {
    return `${at}: expected a string matching ${shape.pattern}`;
  }
  if (shape.items && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const mismatch = shapeMismatch(item, shape.items, `${at}[${index}]`);
      if (mismatch) return mismatch;
    }
  }
  if (shape.properties && typeOf(value) === "object") {
    for (const [key, property] of Object.entries(shape.properties)) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined) continue;
      const mismatch = shapeMismatch(field, property, `${at}.${key}`);
      if (mismatch) return mismatch;
    }
  }
  return undefined;
}

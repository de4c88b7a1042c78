// What one JSON Schema asks, read once for the emulator's validator
// (json-schema.ts): references resolved, the fixed parts of its messages
// written, and the const/enum/type rules that tell a value of another kind.
import { FORMATS } from "./formats";
import type { JsonSchema } from "./schema-types";

export type Schema = JsonSchema | boolean;

/** The JSON type of a value, telling integers from other numbers. */
export function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "number":
      return typeof value === "number";
    case "integer":
      return Number.isInteger(value);
    default:
      return typeOf(value) === type;
  }
}

export const show = (value: unknown) => JSON.stringify(value);
// Whether a value equals a const or enum option; the value is written out only when the option is an object.
const same = (option: unknown, value: unknown) =>
  typeof option === "object" && option !== null ? show(option) === show(value) : option === value;

// Loops rather than `some` with a closure: these run for every value checked.
function includes(options: readonly unknown[], value: unknown): boolean {
  for (let i = 0; i < options.length; i++) if (same(options[i], value)) return true;
  return false;
}

function hasAnyType(value: unknown, types: readonly string[]): boolean {
  for (let i = 0; i < types.length; i++) if (hasType(value, types[i]!)) return true;
  return false;
}

const num = (value: unknown) => (typeof value === "number" ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? (value as Schema[]) : undefined);
const sub = (value: unknown) => (value === undefined ? undefined : (value as Schema));

/** What one schema asks, read once: references resolved and the fixed parts of its messages written. */
export class Rules {
  readonly const: { value: unknown; message: string } | undefined;
  readonly enum: { values: readonly unknown[]; message: string } | undefined;
  readonly types: readonly string[] | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly format: { check: (value: string) => boolean; message: string } | undefined;
  readonly content: Schema | undefined;
  readonly pattern: { source: string; regexp: RegExp | undefined } | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  readonly items: Schema | undefined;
  readonly properties: ReadonlyMap<string, Schema> | undefined;
  /** The same properties as a list, to walk without an iterator. */
  readonly propertyList: readonly (readonly [string, Schema])[];
  readonly required: readonly string[];
  readonly additional: Schema | undefined;
  readonly allOf: readonly Schema[] | undefined;
  readonly anyOf: readonly Schema[] | undefined;
  readonly oneOf: readonly Schema[] | undefined;
  readonly if: Schema | undefined;
  readonly then: Schema | undefined;
  readonly else: Schema | undefined;
  readonly not: Schema | undefined;

  constructor(s: JsonSchema) {
    this.const = s.const === undefined ? undefined : { value: s.const, message: `must be ${show(s.const)}` };
    this.enum = Array.isArray(s.enum)
      ? { values: s.enum, message: `must be one of ${s.enum.map((o) => show(o)).join(", ")}` }
      : undefined;
    this.types = s.type === undefined ? undefined : ([s.type].flat() as string[]);
    this.minLength = num(s.minLength);
    this.maxLength = num(s.maxLength);
    const format = typeof s.format === "string" ? FORMATS[s.format] : undefined;
    this.format = format && { check: format, message: `must be a valid ${String(s.format)}` };
    this.content = s.contentMediaType === "application/json" ? sub(s.contentSchema) : undefined;
    this.pattern = typeof s.pattern === "string" ? { source: s.pattern, regexp: undefined } : undefined;
    this.minimum = num(s.minimum);
    this.maximum = num(s.maximum);
    this.minItems = num(s.minItems);
    this.maxItems = num(s.maxItems);
    this.items = sub(s.items);
    this.propertyList = Object.entries((s.properties ?? {}) as Record<string, Schema>);
    this.properties = s.properties ? new Map(this.propertyList) : undefined;
    this.required = (s.required ?? []) as string[];
    this.additional = sub(s.additionalProperties);
    this.allOf = list(s.allOf);
    this.anyOf = list(s.anyOf);
    this.oneOf = list(s.oneOf);
    this.if = sub(s.if);
    this.then = sub(s.then);
    this.else = sub(s.else);
    this.not = sub(s.not);
  }

  /** The message of the const, enum or type rule `value` breaks (a value of another kind), if any. */
  mismatch(value: unknown): string | undefined {
    if (this.const !== undefined && !same(this.const.value, value)) return this.const.message;
    if (this.enum !== undefined && !includes(this.enum.values, value)) return this.enum.message;
    if (this.types !== undefined && !hasAnyType(value, this.types))
      return `must be ${this.types.join(" or ")}, not ${typeOf(value)}`;
    return undefined;
  }

  /** Whether `value` keeps the const, enum and type rules: {@link mismatch} without the message. */
  fits(value: unknown): boolean {
    return (
      (this.const === undefined || same(this.const.value, value)) &&
      (this.enum === undefined || includes(this.enum.values, value)) &&
      (this.types === undefined || hasAnyType(value, this.types))
    );
  }

  /** The schemas this one reads its value (or parts of it) with. */
  *children(): Iterable<Schema> {
    for (const one of [this.content, this.items, this.additional, this.if, this.then, this.else, this.not])
      if (one !== undefined) yield one;
    for (const many of [this.properties?.values(), this.allOf, this.anyOf, this.oneOf]) if (many) yield* many;
  }
}

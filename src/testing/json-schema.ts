// A small JSON Schema validator for the keywords our OpenAPI 3.1 documents
// use, including `contentSchema` (JSON carried inside a string, as Twilio's
// form fields do). Ajv would need code generation, which edge runtimes
// forbid, and the package has no runtime dependency; the tests check this
// validator against Ajv on the same documents.
import type { JsonSchema } from "./schema-types";

/** One broken rule: where in the value, and what the schema asks for. */
export interface SchemaError {
  /** JSON Pointer into the value, `""` for the value itself. */
  readonly at: string;
  readonly message: string;
  /** Set when a `const`/`enum`/`type` rule failed: the value is of another kind, not a broken one. */
  readonly mismatch?: boolean;
}

type Schema = JsonSchema | boolean;
const COMPONENTS = "#/components/schemas/";

const FORMATS: Record<string, (value: string) => boolean> = {
  uri: (value) => {
    try {
      return Boolean(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  "date-time": (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)),
};

/** The JSON type of a value, telling integers from other numbers. */
export function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

const show = (value: unknown) => JSON.stringify(value);

/** Validates values against the component schemas of one API. */
export class SchemaValidator {
  readonly #schemas: Readonly<Record<string, JsonSchema>>;
  readonly #patterns = new Map<string, RegExp>();

  constructor(schemas: Readonly<Record<string, JsonSchema>>) {
    this.#schemas = schemas;
  }

  /** The schema a `$ref` points at, or the schema itself. */
  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    while (typeof current.$ref === "string") {
      const ref = current.$ref;
      const target = ref.startsWith(COMPONENTS) ? this.#schemas[ref.slice(COMPONENTS.length)] : undefined;
      if (!target) throw new Error(`The emulator's schemas have no ${ref}`);
      current = target;
    }
    return current;
  }

  /** Every rule `value` breaks, or `[]`. */
  errors(schema: Schema, value: unknown, at = ""): SchemaError[] {
    if (schema === true) return [];
    if (schema === false) return [{ at, message: "is not allowed" }];
    const s = typeof schema.$ref === "string" ? this.resolve(schema) : schema;
    const out: SchemaError[] = [];

    if (s.const !== undefined && show(value) !== show(s.const))
      return [{ at, message: `must be ${show(s.const)}`, mismatch: true }];
    if (Array.isArray(s.enum) && !s.enum.some((option) => show(option) === show(value)))
      return [{ at, message: `must be one of ${s.enum.map((o) => show(o)).join(", ")}`, mismatch: true }];
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
      if (!types.some((type) => hasType(value, type)))
        return [{ at, message: `must be ${types.join(" or ")}, not ${typeOf(value)}`, mismatch: true }];
    }
    if (typeof value === "string") this.#string(s, value, at, out);
    if (typeof value === "number") this.#number(s, value, at, out);
    if (Array.isArray(value)) this.#array(s, value, at, out);
    else if (value !== null && typeof value === "object") this.#object(s, value as Record<string, unknown>, at, out);
    this.#combinators(s, value, at, out);
    return out;
  }

  #string(s: JsonSchema, value: string, at: string, out: SchemaError[]): void {
    if (typeof s.minLength === "number" && value.length < s.minLength)
      out.push({ at, message: `must be at least ${s.minLength} characters long` });
    if (typeof s.maxLength === "number" && value.length > s.maxLength)
      out.push({ at, message: `must be at most ${s.maxLength} characters long` });
    if (typeof s.pattern === "string" && !this.#pattern(s.pattern).test(value))
      out.push({ at, message: `must match the pattern ${s.pattern}` });
    const format = typeof s.format === "string" ? FORMATS[s.format] : undefined;
    if (format && !format(value)) out.push({ at, message: `must be a valid ${String(s.format)}` });
    if (s.contentMediaType === "application/json" && s.contentSchema !== undefined) {
      let decoded: unknown;
      try {
        decoded = JSON.parse(value);
      } catch {
        out.push({ at, message: "must be a JSON string" });
        return;
      }
      out.push(...this.errors(s.contentSchema as Schema, decoded, at));
    }
  }

  #number(s: JsonSchema, value: number, at: string, out: SchemaError[]): void {
    if (typeof s.minimum === "number" && value < s.minimum) out.push({ at, message: `must be at least ${s.minimum}` });
    if (typeof s.maximum === "number" && value > s.maximum) out.push({ at, message: `must be at most ${s.maximum}` });
  }

  #array(s: JsonSchema, value: unknown[], at: string, out: SchemaError[]): void {
    if (typeof s.minItems === "number" && value.length < s.minItems)
      out.push({ at, message: `must hold at least ${s.minItems} item(s)` });
    if (typeof s.maxItems === "number" && value.length > s.maxItems)
      out.push({ at, message: `must hold at most ${s.maxItems} item(s)` });
    if (s.items !== undefined)
      value.forEach((item, i) => out.push(...this.errors(s.items as Schema, item, `${at}/${i}`)));
  }

  #object(s: JsonSchema, value: Record<string, unknown>, at: string, out: SchemaError[]): void {
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[]) {
      if (value[name] === undefined) out.push({ at, message: `must have the property ${show(name)}` });
    }
    for (const [name, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const property = properties[name];
      if (property !== undefined) out.push(...this.errors(property, item, `${at}/${name}`));
      else if (s.additionalProperties === false)
        out.push({ at: `${at}/${name}`, message: "is not an allowed property" });
      else if (typeof s.additionalProperties === "object")
        out.push(...this.errors(s.additionalProperties as Schema, item, `${at}/${name}`));
    }
  }

  #combinators(s: JsonSchema, value: unknown, at: string, out: SchemaError[]): void {
    for (const sub of (s.allOf ?? []) as Schema[]) out.push(...this.errors(sub, value, at));
    if (Array.isArray(s.anyOf)) {
      const branches = (s.anyOf as Schema[]).map((sub) => this.errors(sub, value, at));
      if (!branches.some((errors) => errors.length === 0)) out.push(...closest(branches));
    }
    if (Array.isArray(s.oneOf)) {
      const branches = (s.oneOf as Schema[]).map((sub) => this.errors(sub, value, at));
      const passed = branches.filter((errors) => errors.length === 0).length;
      if (passed === 0) out.push(...closest(branches));
      else if (passed > 1) out.push({ at, message: `must match exactly one of ${names(s.oneOf as Schema[], this)}` });
    }
    if (s.if !== undefined && this.errors(s.if as Schema, value, at).length === 0) {
      if (s.then !== undefined) out.push(...this.errors(s.then as Schema, value, at));
    } else if (s.if !== undefined && s.else !== undefined) out.push(...this.errors(s.else as Schema, value, at));
    if (s.not !== undefined && this.errors(s.not as Schema, value, at).length === 0)
      out.push({ at, message: "must not match the excluded schema" });
  }

  #pattern(source: string): RegExp {
    let pattern = this.#patterns.get(source);
    if (!pattern) this.#patterns.set(source, (pattern = new RegExp(source, "u")));
    return pattern;
  }
}

function names(branches: Schema[], validator: SchemaValidator): string {
  return branches
    .map((branch, i) => {
      if (typeof branch !== "object") return `#${i + 1}`;
      const ref = typeof branch.$ref === "string" ? branch.$ref.slice(COMPONENTS.length) : undefined;
      const title = validator.resolve(branch).title;
      return typeof title === "string" ? title : (ref ?? `#${i + 1}`);
    })
    .join(", ");
}

// When no branch of a oneOf/anyOf fits, the useful message is the one from the
// branch the value was meant for: the one whose discriminating values
// (const, enum, type) all matched, or else the one with the fewest errors.
function closest(branches: SchemaError[][]): SchemaError[] {
  const applicable = branches.filter((errors) => !errors.some((e) => e.mismatch));
  const pool = applicable.length ? applicable : branches;
  const best = pool.reduce((a, b) => (b.length < a.length ? b : a));
  // A branch that failed only on its discriminator says "value is of another kind" at this level.
  return applicable.length ? best : best.map((e) => ({ ...e, mismatch: true }));
}

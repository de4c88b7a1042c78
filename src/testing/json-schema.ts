// A small JSON Schema validator for the keywords our OpenAPI 3.1 documents
// use, including `contentSchema` (JSON carried inside a string, as Twilio's
// form fields do). Ajv would need code generation, which edge runtimes
// forbid, and the package has no runtime dependency; the tests check this
// validator against Ajv on the same documents. Its work is linear in the
// value: JSON inside a string is measured before it is parsed, and a `format`
// is checked only on the branch of a oneOf/anyOf whose shape the value has.
import { FORMATS } from "./formats";
import { MAX_JSON_DEPTH, MAX_JSON_FIELD_CHARS, nestedDeeperThan } from "./limits";
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
// Whether a value equals a const or enum option; the value is written out only when the option is an object.
const same = (option: unknown, value: unknown) =>
  typeof option === "object" && option !== null ? show(option) === show(value) : option === value;

function append(out: SchemaError[], errors: readonly SchemaError[]): void {
  for (const error of errors) out.push(error);
}

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
    const out: SchemaError[] = [];
    this.#check(schema, value, at, true, out);
    return out;
  }

  // Appends the broken rules to `out` (never spread: a long array can break thousands of them).
  // Without `formats`, only the value's shape is checked: that is what picks a oneOf/anyOf branch.
  #check(schema: Schema, value: unknown, at: string, formats: boolean, out: SchemaError[]): void {
    if (schema === true) return;
    if (schema === false) return void out.push({ at, message: "is not allowed" });
    const s = typeof schema.$ref === "string" ? this.resolve(schema) : schema;

    if (s.const !== undefined && !same(s.const, value))
      return void out.push({ at, message: `must be ${show(s.const)}`, mismatch: true });
    if (Array.isArray(s.enum) && !s.enum.some((option) => same(option, value)))
      return void out.push({
        at,
        message: `must be one of ${s.enum.map((o) => show(o)).join(", ")}`,
        mismatch: true,
      });
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
      if (!types.some((type) => hasType(value, type)))
        return void out.push({ at, message: `must be ${types.join(" or ")}, not ${typeOf(value)}`, mismatch: true });
    }
    if (typeof value === "string") this.#string(s, value, at, formats, out);
    if (typeof value === "number") this.#number(s, value, at, out);
    if (Array.isArray(value)) this.#array(s, value, at, formats, out);
    else if (value !== null && typeof value === "object")
      this.#object(s, value as Record<string, unknown>, at, formats, out);
    this.#combinators(s, value, at, formats, out);
  }

  #string(s: JsonSchema, value: string, at: string, formats: boolean, out: SchemaError[]): void {
    const short = typeof s.minLength === "number" && value.length < s.minLength;
    const long = typeof s.maxLength === "number" && value.length > s.maxLength;
    if (short) out.push({ at, message: `must be at least ${s.minLength} characters long` });
    if (long) out.push({ at, message: `must be at most ${s.maxLength} characters long` });
    const format = formats && typeof s.format === "string" ? FORMATS[s.format] : undefined;
    if (format && !format(value)) out.push({ at, message: `must be a valid ${String(s.format)}` });
    if (s.contentMediaType === "application/json" && s.contentSchema !== undefined) {
      // Measured before it is parsed: the checks and the answers recurse as deep as the JSON nests.
      if (value.length > MAX_JSON_FIELD_CHARS)
        return void out.push({ at, message: `must be at most ${MAX_JSON_FIELD_CHARS} characters of JSON` });
      if (nestedDeeperThan(value, MAX_JSON_DEPTH))
        return void out.push({ at, message: `must not nest objects and arrays more than ${MAX_JSON_DEPTH} deep` });
      let decoded: unknown;
      try {
        decoded = JSON.parse(value);
      } catch {
        return void out.push({ at, message: "must be a JSON string" });
      }
      // On a JSON-in-form field the pattern restates the content's rules on the text, for tools that
      // do not decode it: the content's own errors say more, and the text is never read by a regex.
      return this.#check(s.contentSchema as Schema, decoded, at, formats, out);
    }
    // A value of the wrong length is wrong already: the pattern need not read it.
    if (!short && !long && typeof s.pattern === "string" && !this.#pattern(s.pattern).test(value))
      out.push({ at, message: `must match the pattern ${s.pattern}` });
  }

  #number(s: JsonSchema, value: number, at: string, out: SchemaError[]): void {
    if (typeof s.minimum === "number" && value < s.minimum) out.push({ at, message: `must be at least ${s.minimum}` });
    if (typeof s.maximum === "number" && value > s.maximum) out.push({ at, message: `must be at most ${s.maximum}` });
  }

  #array(s: JsonSchema, value: unknown[], at: string, formats: boolean, out: SchemaError[]): void {
    if (typeof s.minItems === "number" && value.length < s.minItems)
      out.push({ at, message: `must hold at least ${s.minItems} item(s)` });
    if (typeof s.maxItems === "number" && value.length > s.maxItems)
      out.push({ at, message: `must hold at most ${s.maxItems} item(s)` });
    if (s.items !== undefined)
      for (let i = 0; i < value.length; i++) this.#check(s.items as Schema, value[i], `${at}/${i}`, formats, out);
  }

  #object(s: JsonSchema, value: Record<string, unknown>, at: string, formats: boolean, out: SchemaError[]): void {
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[]) {
      if (value[name] === undefined) out.push({ at, message: `must have the property ${show(name)}` });
    }
    for (const name in value) {
      if (!Object.hasOwn(value, name) || value[name] === undefined) continue;
      const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
      if (property !== undefined) this.#check(property, value[name], `${at}/${name}`, formats, out);
      else if (s.additionalProperties === false)
        out.push({ at: `${at}/${name}`, message: "is not an allowed property" });
      else if (typeof s.additionalProperties === "object")
        this.#check(s.additionalProperties as Schema, value[name], `${at}/${name}`, formats, out);
    }
  }

  #combinators(s: JsonSchema, value: unknown, at: string, formats: boolean, out: SchemaError[]): void {
    for (const sub of (s.allOf ?? []) as Schema[]) this.#check(sub, value, at, formats, out);
    if (Array.isArray(s.anyOf)) {
      const branches = this.#branches(s.anyOf as Schema[], value, at, formats);
      if (!branches.some((errors) => errors.length === 0)) append(out, closest(branches));
    }
    if (Array.isArray(s.oneOf)) {
      const branches = this.#branches(s.oneOf as Schema[], value, at, formats);
      const passed = branches.filter((errors) => errors.length === 0).length;
      if (passed === 0) append(out, closest(branches));
      else if (passed > 1) out.push({ at, message: `must match exactly one of ${names(s.oneOf as Schema[], this)}` });
    }
    if (s.if !== undefined && this.#passes(s.if as Schema, value, at, formats)) {
      if (s.then !== undefined) this.#check(s.then as Schema, value, at, formats, out);
    } else if (s.if !== undefined && s.else !== undefined) this.#check(s.else as Schema, value, at, formats, out);
    if (s.not !== undefined && this.#passes(s.not as Schema, value, at, formats))
      out.push({ at, message: "must not match the excluded schema" });
  }

  // Each branch's shape first; formats only on the branches the value has the shape of, so an
  // SMS participant's address is never read as an e-mail address. Each level of oneOf/anyOf
  // reads a passing branch once more, so the work stays linear (times the spec's nesting).
  #branches(subs: readonly Schema[], value: unknown, at: string, formats: boolean): SchemaError[][] {
    return subs.map((sub) => {
      const shape: SchemaError[] = [];
      this.#check(sub, value, at, false, shape);
      if (!formats || shape.length > 0) return shape;
      const full: SchemaError[] = [];
      this.#check(sub, value, at, true, full);
      return full;
    });
  }

  #passes(schema: Schema, value: unknown, at: string, formats: boolean): boolean {
    const out: SchemaError[] = [];
    this.#check(schema, value, at, formats, out);
    return out.length === 0;
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

// A small JSON Schema validator for the keywords our OpenAPI 3.1 documents
// use, including `contentSchema` (JSON carried inside a string, as Twilio's
// form fields do). Ajv would need code generation, which edge runtimes
// forbid, and the package has no runtime dependency; the tests check this
// validator against Ajv on the same documents. Its work is linear in the
// value: JSON inside a string is measured before it is parsed, and a `format`
// is checked only on the branch of a oneOf/anyOf whose shape the value has.
// Each schema is read once into Rules (schema-rules.ts), kept in a WeakMap
// beside the schema it was read from. Whether a value passes is the verdict's
// (schema-verdict.ts), which writes no message: the walk here runs only for a
// value the verdict refuses, to say why.
import { MAX_JSON_DEPTH, MAX_JSON_FIELD_CHARS, nestedDeeperThan } from "./limits";
import { Rules, type Schema, show } from "./schema-rules";
import type { JsonSchema } from "./schema-types";
import { type Decoded, SchemaVerdict } from "./schema-verdict";

/** One broken rule: where in the value, and what the schema asks for. */
export interface SchemaError {
  /** JSON Pointer into the value, `""` for the value itself. */
  readonly at: string;
  readonly message: string;
  /** Set when a `const`/`enum`/`type` rule failed: the value is of another kind, not a broken one. */
  readonly mismatch?: boolean;
}

const COMPONENTS = "#/components/schemas/";

// Stands for a branch set aside unread; never reported (see #branches).
const SET_ASIDE: SchemaError[] = [{ at: "", message: "", mismatch: true }];

function append(out: SchemaError[], errors: readonly SchemaError[]): void {
  for (const error of errors) out.push(error);
}

/** Validates values against the component schemas of one API. */
export class SchemaValidator {
  readonly #schemas: Readonly<Record<string, JsonSchema>>;
  readonly #rules = new WeakMap<JsonSchema, Rules>();
  // Whether a schema can reach a `format` rule; a branch that cannot needs no second pass.
  readonly #formats = new WeakMap<JsonSchema, boolean>();
  // JSON-in-form text decoded during one `errors()` call: the branches of a oneOf read the same field.
  #decoded: Map<string, { value: unknown } | { message: string }> | undefined;

  readonly #verdict = new SchemaVerdict((schema) => this.#rulesOf(schema));

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

  /**
   * Whether `value` breaks no rule of `schema`: what {@link errors} finds empty, found without
   * writing a message. JSON-in-form text it decodes is kept in `decoded` when given.
   */
  valid(schema: Schema, value: unknown, decoded?: Decoded): boolean {
    return this.#verdict.valid(schema, value, decoded);
  }

  /** Every rule `value` breaks, or `[]`. */
  errors(schema: Schema, value: unknown, at = ""): SchemaError[] {
    const out: SchemaError[] = [];
    if (this.#verdict.valid(schema, value)) return out;
    this.#decoded = undefined;
    try {
      this.#check(schema, value, at, true, out);
    } finally {
      this.#decoded = undefined;
    }
    return out;
  }

  #rulesOf(schema: JsonSchema): Rules {
    let rules = this.#rules.get(schema);
    if (!rules) this.#rules.set(schema, (rules = new Rules(this.resolve(schema))));
    return rules;
  }

  // Appends the broken rules to `out` (never spread: a long array can break thousands of them).
  // Without `formats`, only the value's shape is checked: that is what picks a oneOf/anyOf branch.
  #check(schema: Schema, value: unknown, at: string, formats: boolean, out: SchemaError[]): void {
    if (schema === true) return;
    if (schema === false) return void out.push({ at, message: "is not allowed" });
    const r = this.#rulesOf(schema);
    const mismatch = r.mismatch(value);
    if (mismatch !== undefined) return void out.push({ at, message: mismatch, mismatch: true });
    if (typeof value === "string") this.#string(r, value, at, formats, out);
    else if (typeof value === "number") this.#number(r, value, at, out);
    else if (Array.isArray(value)) this.#array(r, value, at, formats, out);
    else if (value !== null && typeof value === "object")
      this.#object(r, value as Record<string, unknown>, at, formats, out);
    if (r.allOf || r.anyOf || r.oneOf || r.if !== undefined || r.not !== undefined)
      this.#combinators(r, value, at, formats, out);
  }

  #string(r: Rules, value: string, at: string, formats: boolean, out: SchemaError[]): void {
    const short = r.minLength !== undefined && value.length < r.minLength;
    const long = r.maxLength !== undefined && value.length > r.maxLength;
    if (short) out.push({ at, message: `must be at least ${r.minLength} characters long` });
    if (long) out.push({ at, message: `must be at most ${r.maxLength} characters long` });
    if (formats && r.format && !r.format.check(value)) out.push({ at, message: r.format.message });
    if (r.content !== undefined) {
      const decoded = this.#decode(value);
      if ("message" in decoded) return void out.push({ at, message: decoded.message });
      // On a JSON-in-form field the pattern restates the content's rules on the text, for tools that
      // do not decode it: the content's own errors say more, and the text is never read by a regex.
      return this.#check(r.content, decoded.value, at, formats, out);
    }
    // A value of the wrong length is wrong already: the pattern need not read it.
    if (!short && !long && r.pattern && !(r.pattern.regexp ??= new RegExp(r.pattern.source, "u")).test(value))
      out.push({ at, message: `must match the pattern ${r.pattern.source}` });
  }

  // JSON-in-form text, measured before it is parsed (the checks and the answers recurse as deep as
  // the JSON nests), and parsed once per `errors()` call however many branches read it.
  #decode(text: string): { value: unknown } | { message: string } {
    const known = this.#decoded?.get(text);
    if (known) return known;
    let result: { value: unknown } | { message: string };
    if (text.length > MAX_JSON_FIELD_CHARS)
      result = { message: `must be at most ${MAX_JSON_FIELD_CHARS} characters of JSON` };
    else if (nestedDeeperThan(text, MAX_JSON_DEPTH))
      result = { message: `must not nest objects and arrays more than ${MAX_JSON_DEPTH} deep` };
    else {
      try {
        result = { value: JSON.parse(text) };
      } catch {
        result = { message: "must be a JSON string" };
      }
    }
    (this.#decoded ??= new Map()).set(text, result);
    return result;
  }

  #number(r: Rules, value: number, at: string, out: SchemaError[]): void {
    if (r.minimum !== undefined && value < r.minimum) out.push({ at, message: `must be at least ${r.minimum}` });
    if (r.maximum !== undefined && value > r.maximum) out.push({ at, message: `must be at most ${r.maximum}` });
  }

  #array(r: Rules, value: unknown[], at: string, formats: boolean, out: SchemaError[]): void {
    if (r.minItems !== undefined && value.length < r.minItems)
      out.push({ at, message: `must hold at least ${r.minItems} item(s)` });
    if (r.maxItems !== undefined && value.length > r.maxItems)
      out.push({ at, message: `must hold at most ${r.maxItems} item(s)` });
    if (r.items !== undefined)
      for (let i = 0; i < value.length; i++) this.#check(r.items, value[i], `${at}/${i}`, formats, out);
  }

  #object(r: Rules, value: Record<string, unknown>, at: string, formats: boolean, out: SchemaError[]): void {
    for (const name of r.required) {
      if (value[name] === undefined) out.push({ at, message: `must have the property ${show(name)}` });
    }
    if (r.properties === undefined && r.additional === undefined) return;
    for (const name in value) {
      if (!Object.hasOwn(value, name) || value[name] === undefined) continue;
      const property = r.properties?.get(name);
      if (property !== undefined) this.#check(property, value[name], `${at}/${name}`, formats, out);
      else if (r.additional === false) out.push({ at: `${at}/${name}`, message: "is not an allowed property" });
      else if (typeof r.additional === "object") this.#check(r.additional, value[name], `${at}/${name}`, formats, out);
    }
  }

  #combinators(r: Rules, value: unknown, at: string, formats: boolean, out: SchemaError[]): void {
    for (const sub of r.allOf ?? []) this.#check(sub, value, at, formats, out);
    // Which branches hold (and whether `if` and `not` do) is the verdict's, formats included, so that
    // this walk finds errors exactly when the verdict refuses; the branches are read for the messages.
    if (r.anyOf && !r.anyOf.some((sub) => this.#verdict.valid(sub, value)))
      append(out, closest(this.#branches(r.anyOf, value, at, formats)));
    if (r.oneOf) {
      const passed = r.oneOf.filter((sub) => this.#verdict.valid(sub, value)).length;
      if (passed === 0) append(out, closest(this.#branches(r.oneOf, value, at, formats)));
      else if (passed > 1) out.push({ at, message: `must match exactly one of ${names(r.oneOf, this)}` });
    }
    if (r.if !== undefined) {
      const then = this.#verdict.valid(r.if, value) ? r.then : r.else;
      if (then !== undefined) this.#check(then, value, at, formats, out);
    }
    if (r.not !== undefined && this.#verdict.valid(r.not, value))
      out.push({ at, message: "must not match the excluded schema" });
  }

  // Each branch's shape first; formats only on the branches the value has the shape of, so an
  // SMS participant's address is never read as an e-mail address. Each level of oneOf/anyOf
  // reads a passing branch once more (and only when a format lies below it), so the work stays
  // linear (times the spec's nesting).
  // A branch whose discriminating values the value does not have (see #rejects) is set aside unread;
  // only when no branch is left that could apply are all branches read in full, for closest().
  #branches(subs: readonly Schema[], value: unknown, at: string, formats: boolean): SchemaError[][] {
    const quick = subs.map((sub) => (this.#rejects(sub, value) ? SET_ASIDE : this.#branch(sub, value, at, formats)));
    if (quick.some((errors) => !errors.some((e) => e.mismatch))) return quick;
    return subs.map((sub, i) => (quick[i] === SET_ASIDE ? this.#branch(sub, value, at, formats) : quick[i]!));
  }

  #branch(sub: Schema, value: unknown, at: string, formats: boolean): SchemaError[] {
    const shape: SchemaError[] = [];
    this.#check(sub, value, at, false, shape);
    if (!formats || shape.length > 0 || !this.#reachesFormat(sub)) return shape;
    const full: SchemaError[] = [];
    this.#check(sub, value, at, true, full);
    return full;
  }

  // Whether `value` surely breaks a const, enum or type rule of `schema` (so a full check would report a
  // mismatch): on the value itself, under allOf, inside JSON-in-form text, or on a property it has, at
  // most two properties down (where discriminators such as `Channel`'s `initiated_by` sit), so it
  // reads a small part of the value.
  #rejects(schema: Schema, value: unknown, depth = 0): boolean {
    if (typeof schema === "boolean") return false;
    const r = this.#rulesOf(schema);
    if (r.mismatch(value) !== undefined) return true;
    if (typeof value === "string" && r.content !== undefined) {
      const decoded = this.#decode(value);
      return "value" in decoded && this.#rejects(r.content, decoded.value, depth);
    }
    for (const sub of r.allOf ?? []) if (this.#rejects(sub, value, depth)) return true;
    const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
    if (r.properties === undefined || !isObject || depth === 2) return false;
    for (let i = 0; i < r.propertyList.length; i++) {
      const name = r.propertyList[i]![0];
      const own = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
      if (own !== undefined && this.#rejects(r.propertyList[i]![1], own, depth + 1)) return true;
    }
    return false;
  }

  // Whether any schema below `schema` has a `format` this validator checks (a cycle counts as yes).
  #reachesFormat(schema: Schema, visiting?: Set<JsonSchema>): boolean {
    if (typeof schema === "boolean") return false;
    const known = this.#formats.get(schema);
    if (known !== undefined) return known;
    // Only a schema not yet known is walked, so the set is made then and not on every request.
    visiting ??= new Set();
    if (visiting.has(schema)) return true;
    visiting.add(schema);
    const rules = this.#rulesOf(schema);
    let reaches = rules.format !== undefined;
    for (const child of rules.children()) reaches ||= this.#reachesFormat(child, visiting);
    this.#formats.set(schema, reaches);
    return reaches;
  }
}
function names(branches: readonly Schema[], validator: SchemaValidator): string {
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

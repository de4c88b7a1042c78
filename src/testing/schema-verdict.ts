// Whether a value meets a schema, and nothing more: the check every request
// passes through, so it allocates nothing on the way (no error records, no
// JSON Pointers) and stops at the first broken rule. Only a value it refuses
// is walked again by json-schema.ts, for the messages. Each schema is linked
// once into a Node that points straight at its children's Nodes.
import { MAX_JSON_DEPTH, MAX_JSON_FIELD_CHARS, nestedDeeperThan } from "./limits";
import type { Rules, Schema } from "./schema-rules";
import type { JsonSchema } from "./schema-types";

/** JSON-in-form text a check decoded, by text; {@link BROKEN} for text that is not acceptable JSON. */
export type Decoded = Map<string, unknown>;

/** Stands for JSON-in-form text that is too long, nests too deep or does not parse. */
export const BROKEN: unknown = Symbol("broken JSON");

type Link = Node | boolean;

// Called rather than Object.hasOwn: inside for-in the engine reads it as a check of the object's shape.
const hasOwn = Object.prototype.hasOwnProperty;

const link = (schema: Schema | undefined, nodeOf: (schema: JsonSchema) => Node): Link | undefined =>
  schema === undefined || typeof schema === "boolean" ? schema : nodeOf(schema);

const links = (schemas: readonly Schema[] | undefined, nodeOf: (schema: JsonSchema) => Node) =>
  schemas?.map((schema) => link(schema, nodeOf)!);

// A sub-schema without oneOf/anyOf/allOf/if/not is cheap to check: it goes first in an allOf.
const plain = (sub: Link) =>
  typeof sub === "boolean" ||
  !(sub.rules.allOf || sub.rules.anyOf || sub.rules.oneOf || sub.rules.if !== undefined || sub.rules.not !== undefined);

/** One schema's rules with its children linked; the links are made on the node's first visit. */
class Node {
  ready = false;
  items: Link | undefined;
  content: Link | undefined;
  additional: Link | undefined;
  /** By name, in a record without a prototype: read faster than a Map, and no inherited name is found. */
  properties: Record<string, Link> | undefined;
  /** Properties held to a const or enum, checked before the rest: they tell a oneOf branch apart at once. */
  keys: (readonly [string, Link])[] = [];
  allOf: Link[] | undefined;
  anyOf: Link[] | undefined;
  oneOf: Link[] | undefined;
  if: Link | undefined;
  then: Link | undefined;
  else: Link | undefined;
  not: Link | undefined;
  readonly combined: boolean;
  /** Held to a const or enum: where it is a property, it is one of the `keys`. */
  readonly key: boolean;

  constructor(readonly rules: Rules) {
    this.combined = !plain(this);
    this.key = rules.const !== undefined || rules.enum !== undefined;
  }

  link(nodeOf: (schema: JsonSchema) => Node): void {
    const r = this.rules;
    this.items = link(r.items, nodeOf);
    this.content = link(r.content, nodeOf);
    this.additional = link(r.additional, nodeOf);
    if (r.properties) {
      this.properties = Object.create(null) as Record<string, Link>;
      for (const [name, schema] of r.propertyList) {
        const sub = (this.properties[name] = link(schema, nodeOf)!);
        if (typeof sub !== "boolean" && sub.key) this.keys.push([name, sub]);
      }
    }
    // An allOf holds only if every part does, whatever the order: the cheap parts go first.
    const allOf = links(r.allOf, nodeOf);
    this.allOf = allOf && [...allOf.filter(plain), ...allOf.filter((sub) => !plain(sub))];
    this.anyOf = links(r.anyOf, nodeOf);
    this.oneOf = links(r.oneOf, nodeOf);
    this.if = link(r.if, nodeOf);
    this.then = link(r.then, nodeOf);
    this.else = link(r.else, nodeOf);
    this.not = link(r.not, nodeOf);
    this.ready = true;
  }
}

/** Whether values meet the schemas of one API (their Rules come from `rulesOf`). */
export class SchemaVerdict {
  readonly #rulesOf: (schema: JsonSchema) => Rules;
  readonly #nodes = new WeakMap<JsonSchema, Node>();
  readonly #nodeOf = (schema: JsonSchema): Node => {
    let node = this.#nodes.get(schema);
    if (!node) this.#nodes.set(schema, (node = new Node(this.#rulesOf(schema))));
    return node;
  };
  #decoded: Decoded | undefined;

  constructor(rulesOf: (schema: JsonSchema) => Rules) {
    this.#rulesOf = rulesOf;
  }

  /**
   * Whether `value` breaks no rule of `schema`. JSON-in-form text is decoded once per call
   * however many branches read it; pass `decoded` to keep what was decoded.
   */
  valid(schema: Schema, value: unknown, decoded?: Decoded): boolean {
    const outer = this.#decoded;
    this.#decoded = decoded;
    try {
      return this.#valid(link(schema, this.#nodeOf)!, value);
    } finally {
      this.#decoded = outer;
    }
  }

  #valid(link: Link, value: unknown): boolean {
    if (typeof link === "boolean") return link;
    if (!link.ready) link.link(this.#nodeOf);
    const r = link.rules;
    if (!r.fits(value)) return false;
    if (typeof value === "string") {
      if (!this.#string(link, r, value)) return false;
    } else if (typeof value === "number") {
      if ((r.minimum !== undefined && value < r.minimum) || (r.maximum !== undefined && value > r.maximum))
        return false;
    } else if (Array.isArray(value)) {
      if (!this.#array(link, r, value)) return false;
    } else if (value !== null && typeof value === "object") {
      if (!this.#object(link, r, value as Record<string, unknown>)) return false;
    }
    return !link.combined || this.#combinators(link, value);
  }

  #string(node: Node, r: Rules, value: string): boolean {
    if (r.minLength !== undefined && value.length < r.minLength) return false;
    if (r.maxLength !== undefined && value.length > r.maxLength) return false;
    if (r.format && !r.format.check(value)) return false;
    if (node.content !== undefined) {
      const decoded = this.#decode(value);
      return decoded !== BROKEN && this.#valid(node.content, decoded);
    }
    return !r.pattern || (r.pattern.regexp ??= new RegExp(r.pattern.source, "u")).test(value);
  }

  // Measured before it is parsed, as json-schema.ts does: the same text gets the same verdict.
  #decode(text: string): unknown {
    const known = this.#decoded?.get(text);
    if (known !== undefined) return known;
    let value: unknown = BROKEN;
    if (text.length <= MAX_JSON_FIELD_CHARS && !nestedDeeperThan(text, MAX_JSON_DEPTH)) {
      try {
        value = JSON.parse(text);
      } catch {
        // Not JSON: BROKEN.
      }
    }
    (this.#decoded ??= new Map()).set(text, value);
    return value;
  }

  #array(node: Node, r: Rules, value: unknown[]): boolean {
    if (r.minItems !== undefined && value.length < r.minItems) return false;
    if (r.maxItems !== undefined && value.length > r.maxItems) return false;
    const items = node.items;
    if (items !== undefined) for (let i = 0; i < value.length; i++) if (!this.#valid(items, value[i])) return false;
    return true;
  }

  #object(node: Node, r: Rules, value: Record<string, unknown>): boolean {
    const required = r.required;
    for (let i = 0; i < required.length; i++) if (value[required[i]!] === undefined) return false;
    const { properties, additional, keys } = node;
    if (properties === undefined && additional === undefined) return true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const own = hasOwn.call(value, key[0]) ? value[key[0]] : undefined;
      if (own !== undefined && !this.#valid(key[1], own)) return false;
    }
    for (const name in value) {
      const named = properties?.[name];
      // A key was checked above.
      if (named !== undefined && typeof named !== "boolean" && named.key) continue;
      const sub = named ?? additional;
      if (sub === undefined || !hasOwn.call(value, name)) continue;
      const own = value[name];
      if (own !== undefined && !this.#valid(sub, own)) return false;
    }
    return true;
  }

  #any(subs: readonly Link[], value: unknown): boolean {
    for (const sub of subs) if (this.#valid(sub, value)) return true;
    return false;
  }

  #combinators(node: Node, value: unknown): boolean {
    if (node.allOf) for (const sub of node.allOf) if (!this.#valid(sub, value)) return false;
    if (node.anyOf && !this.#any(node.anyOf, value)) return false;
    if (node.oneOf) {
      let passed = 0;
      for (const sub of node.oneOf) if (this.#valid(sub, value) && ++passed > 1) return false;
      if (passed === 0) return false;
    }
    if (node.if !== undefined) {
      const then = this.#valid(node.if, value) ? node.then : node.else;
      if (then !== undefined && !this.#valid(then, value)) return false;
    }
    return node.not === undefined || !this.#valid(node.not, value);
  }
}

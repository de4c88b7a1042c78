// encodeForm against any body: what it encodes decodes back to the input
// (null and undefined dropped, arrays as repeated keys, Dates as ISO 8601,
// booleans and numbers as text, objects and JSON fields as JSON), and what it
// cannot encode is a TwilioValidationError naming the field.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TwilioValidationError } from "twilio-interactions";
import { encodeForm } from "../../src/form";
import { RUNS } from "./arbitraries";

// Strings that URLSearchParams keeps as they are (it turns lone surrogates into U+FFFD).
const text = fc.string({ unit: "binary", maxLength: 30 }).filter((s) => !/[\uD800-\uDFFF]/u.test(s));
const date = fc.date({ noInvalidDate: true });
const scalar = fc.oneof(
  text,
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.bigInt(),
  date,
  fc.dictionary(text, fc.jsonValue(), { maxKeys: 3 }),
);
const nothing = fc.constantFrom(undefined, null);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: nothing },
  { weight: 2, arbitrary: fc.array(fc.oneof(scalar, nothing), { maxLength: 4 }) },
);
const body = fc.dictionary(text, value, { maxKeys: 6 });
// A body and a subset of its keys declared as JSON fields (plus one that is absent).
const bodyAndJsonFields = body.chain((b) => fc.tuple(fc.constant(b), fc.subarray([...Object.keys(b), "NotInBody"])));

/** The input `value` of a field, decoded from the text the form carries for it. */
function decode(input: unknown, sent: string): unknown {
  if (typeof input === "number") return Number(sent);
  if (typeof input === "bigint") return BigInt(sent);
  if (typeof input === "boolean") return { true: true, false: false }[sent];
  if (input instanceof Date) return new Date(sent);
  if (typeof input === "object" && input !== null) return JSON.parse(sent);
  return sent;
}

/** What the field should decode to: JSON values go through JSON, -0 becomes 0. */
function expected(input: unknown): unknown {
  if (typeof input === "number") return input + 0; // text has no negative zero
  if (typeof input === "object" && input !== null && !(input instanceof Date)) return JSON.parse(JSON.stringify(input));
  return input;
}

describe("encodeForm, fuzzed", () => {
  it("round-trips any encodable body through the wire format", () => {
    fc.assert(
      fc.property(bodyAndJsonFields, ([input, jsonFields]) => {
        // A JSON field is sent as JSON, which has no BigInt (that case is in the next test).
        fc.pre(jsonFields.every((f) => !Array.isArray(input[f]) || !input[f].some((i) => typeof i === "bigint")));
        const form = new URLSearchParams(encodeForm(input, jsonFields).toString());
        const sentKeys = new Set(form.keys());
        for (const [field, raw] of Object.entries(input)) {
          const sent = form.getAll(field);
          const items = Array.isArray(raw) && !jsonFields.includes(field) ? raw.filter((i) => i != null) : [raw];
          const present = items.filter((i) => i != null);
          expect(sent).toHaveLength(present.length);
          present.forEach((item, i) => expect(decode(item, sent[i]!)).toEqual(expected(item)));
          sentKeys.delete(field);
        }
        // Nothing but the body's own fields is sent.
        expect([...sentKeys]).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("an unencodable field is a TwilioValidationError naming it; non-object bodies are refused", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad = fc.constantFrom<unknown>(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      new Date(Number.NaN),
      Symbol("s"),
      () => 1,
      cyclic,
      { amount: 1n },
      {
        toJSON: () => {
          throw new Error("toJSON throws");
        },
      },
      [1, Number.NaN],
    );
    const withBadField = fc.tuple(body, text, bad, fc.nat()).map(([b, field, v, at]) => {
      const entries: [string, unknown][] = Object.entries(b).filter(([k]) => k !== field);
      entries.splice(at % (entries.length + 1), 0, [field, v]);
      return { field, body: Object.fromEntries(entries) };
    });
    fc.assert(
      fc.property(withBadField, ({ field, body: input }) => {
        try {
          encodeForm(input);
          expect.unreachable("an unencodable field was encoded");
        } catch (error) {
          expect((error as Error).constructor).toBe(TwilioValidationError);
          expect((error as TwilioValidationError).parameter).toBe(field);
        }
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.double(), fc.boolean(), fc.array(fc.anything()), fc.bigInt()), (input) => {
        try {
          encodeForm(input);
          expect.unreachable("a non-object body was encoded");
        } catch (error) {
          expect((error as Error).constructor).toBe(TwilioValidationError);
          expect((error as TwilioValidationError).parameter).toBe("body");
        }
      }),
      { numRuns: RUNS },
    );
  });
});

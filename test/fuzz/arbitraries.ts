// Generators shared by the fuzz tests: SID-shaped strings (valid, near
// misses, wrong prefixes) and junk of every JavaScript type.
import fc from "fast-check";

/** fast-check runs per property. */
export const RUNS = 1000;

const HEX = "0123456789abcdefABCDEF".split("");
export const hex32 = fc.array(fc.constantFrom(...HEX), { minLength: 32, maxLength: 32 }).map((d) => d.join(""));
export const letterPair = fc.stringMatching(/^[A-Za-z]{2}$/);

/** A well-formed SID with `prefix`. */
export const sidOf = (prefix: string) => hex32.map((digits) => `${prefix}${digits}`);

/** A SID with one character replaced, one added or one removed. */
export const nearSid = (prefix: string) =>
  fc
    .tuple(sidOf(prefix), fc.nat(33), fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom("set", "add", "drop"))
    .map(([sid, at, char, how]) =>
      how === "set"
        ? sid.slice(0, at) + char + sid.slice(at + 1)
        : how === "add"
          ? sid.slice(0, at) + char + sid.slice(at)
          : sid.slice(0, at) + sid.slice(at + 1),
    );

/** Values of every type, including ones that throw when converted to a string. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom(
    Symbol("junk"),
    () => "a function",
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    new Date(Number.NaN),
    {
      toString: () => {
        throw new Error("toString throws");
      },
    },
    {
      [Symbol.toPrimitive]: () => {
        throw new Error("toPrimitive throws");
      },
    },
  ),
);

/** Any string, including lone surrogates and control characters. */
export const anyString = fc.string({ unit: "binary", maxLength: 60 });

/** Either a well-formed SID with `prefix`, or something that is not one. */
export const sidOrJunk = (prefix: string) =>
  fc.oneof(
    { weight: 3, arbitrary: sidOf(prefix) },
    { weight: 2, arbitrary: nearSid(prefix) },
    { weight: 1, arbitrary: letterPair.chain(sidOf) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: junk },
  );

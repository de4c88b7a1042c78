// isSid and asSid against any input: isSid agrees with the SID grammar
// (two letters, the expected prefix, 32 hex digits), asSid throws only
// InvalidSidError, and its message never repeats the rejected value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidSidError, asSid, isSid } from "twilio-interactions";
import { RUNS, anyString, junk, letterPair, sidOrJunk } from "./arbitraries";

const GRAMMAR = /^([A-Za-z]{2})[0-9a-fA-F]{32}$/;
const follows = (prefix: string, value: unknown) => typeof value === "string" && GRAMMAR.exec(value)?.[1] === prefix;

// A prefix, and a value that is often a SID with that prefix or a near miss.
const prefixAndValue = fc
  .oneof(letterPair, anyString)
  .chain((prefix) => fc.tuple(fc.constant(prefix), fc.oneof(sidOrJunk(prefix), sidOrJunk("KD"), junk)));

describe("SID helpers, fuzzed", () => {
  it("isSid(prefix, value) is exactly the SID grammar with that prefix, for any value", () => {
    fc.assert(
      fc.property(prefixAndValue, ([prefix, value]) => {
        expect(isSid(prefix, value)).toBe(follows(prefix, value));
      }),
      { numRuns: RUNS },
    );
  });

  it("asSid returns a valid SID unchanged and throws only InvalidSidError otherwise", () => {
    fc.assert(
      fc.property(prefixAndValue, fc.option(anyString, { nil: undefined }), ([prefix, value], name) => {
        let result: unknown;
        let thrown: unknown;
        try {
          result = asSid(prefix, value, name);
        } catch (error) {
          thrown = error;
        }
        if (follows(prefix, value)) {
          expect(thrown).toBeUndefined();
          expect(result).toBe(value);
          return;
        }
        expect(thrown).toBeInstanceOf(InvalidSidError);
        const error = thrown as InvalidSidError;
        expect(error.constructor).toBe(InvalidSidError);
        expect(error.expectedPrefix).toBe(prefix);
        expect(error.parameter).toBe(name ?? "SID");
        // A secret pasted where a SID belongs must not reach a log through the message.
        if (typeof value === "string" && value.length >= 16) expect(error.message).not.toContain(value);
        expect(JSON.parse(JSON.stringify(error))).toEqual({
          name: "InvalidSidError",
          message: error.message,
          parameter: name ?? "SID",
          expectedPrefix: prefix,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("a rejected secret-like string is described by shape only", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e]{16,64}$/), (secret) => {
        fc.pre(!follows("KD", secret));
        const error = (() => {
          try {
            asSid("KD", secret);
          } catch (e) {
            return e as InvalidSidError;
          }
          throw new Error("asSid accepted a non-SID");
        })();
        expect(error.message).not.toContain(secret);
        expect(JSON.stringify(error)).not.toContain(secret);
      }),
      { numRuns: RUNS },
    );
  });
});

// The emulator's own reading of a form body (decodeURIComponent where it can)
// must give exactly what URLSearchParams gives, for any text a client sends.
import { describe, expect, it } from "vitest";
import { formFields } from "../../src/testing/request-check";

const read = (body: string) => {
  const fields: [string, string][] = [];
  new URLSearchParams(body).forEach((value, name) => fields.push([name, value]));
  return fields;
};

describe("the emulator's form reader", () => {
  it("reads every body as URLSearchParams does: bad percent-encoding, overlong and surrogate UTF-8, lone surrogates", () => {
    const bodies = ["", "&&", "a", "a=", "=b", "a=1&a=2&b=%20+x", "a=%", "a=%zz&b=%FF", "a=%C0%80", "a=%ED%A0%80"];
    bodies.push("x=%E2%82%AC&y=%F0%9F%98%80", "a=b=c", "é=ü", "a=\ud800", "%61=1", "+=+", "a=%2B%26%3D", "a=%f0%9f%98");
    // Seeded pieces, shuffled: every mix of separators, escapes and characters of one to four bytes.
    const pieces = ["a", "=", "&", "+", "%", "2", "0", "F", "E", "C", "8", "9", "é", " ", "\t", "\ud83d", "\ude00"];
    let seed = 1;
    for (let i = 0; i < 3_000; i++) {
      let body = "";
      for (let n = i % 12; n > 0; n--) body += pieces[(seed = (seed * 48271) % 2147483647) % pieces.length];
      bodies.push(body);
    }
    expect(bodies.map(formFields)).toEqual(bodies.map(read));
  });
});

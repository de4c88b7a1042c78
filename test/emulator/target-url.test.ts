// The emulator's server reads a plain request target in one parse: it must
// give exactly the URL that setting the path and the query on the origin
// gives, for any target a client sends.
import { describe, expect, it } from "vitest";
import { targetUrl } from "../../src/testing/http-exchange";

const BASE = "http://127.0.0.1:4010";

// The reading every target had before the one-parse path: the origin, then its path and query set.
function bySetters(target: string): string {
  const query = target.indexOf("?");
  const url = new URL(BASE);
  url.pathname = query < 0 ? target : target.slice(0, query);
  if (query >= 0) url.search = target.slice(query);
  return url.href;
}

describe("the emulator's request target reader", () => {
  it("reads every origin-form target as setting its path and query does", () => {
    const targets = ["/", "/?", "/??", "//x", "//x/../y", "/a/./b/../c", "/%2e%2E/x", "/%zz?%", "/a?b=c&d='e'"];
    targets.push("/v1/Interactions/KD0123?PageSize=5&Page=1", "/a;b,c@d:e!f$g(h)i*j+k~l", "/x?y?z/w");
    // Seeded pieces, shuffled: every mix of separators, escapes, dots and characters that either reading escapes.
    const pieces = [
      "a",
      "/",
      "?",
      "%",
      "2",
      "e",
      ".",
      "'",
      "=",
      "&",
      "+",
      "#",
      "\\",
      " ",
      "é",
      "{",
      "`",
      "|",
      "\t",
      "~",
    ];
    let seed = 1;
    for (let i = 0; i < 3_000; i++) {
      let target = "/";
      for (let n = i % 10; n > 0; n--) target += pieces[(seed = (seed * 48271) % 2147483647) % pieces.length];
      targets.push(target);
    }
    expect(targets.map((target) => targetUrl(target, BASE).href)).toEqual(targets.map(bySetters));
  });
});

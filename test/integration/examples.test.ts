// Every file in examples/ runs in the example tests, twice: here, its exported
// function against the mock through a recording client (so what it sent is
// checked against the spec, JSON inside form fields included), on both wires;
// and in examples-standalone.test.ts the file itself as a program. A new
// example without an entry in support/examples.ts fails the coverage test.
import { describe, expect, it } from "vitest";
import { EXAMPLES, files } from "./support/examples";
import { recordingClient } from "./support/recording-client";
import { requestBodyErrors } from "./support/wire";

describe("examples/", () => {
  it("has an entry here for every example file", () => {
    expect(files.sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  describe.each(Object.entries(EXAMPLES))("%s", (file, example) => {
    it("runs against the mock and sends only requests that are valid for the spec", async () => {
      const { twilio, sent } = recordingClient();
      await example.run(twilio, sent);
      expect(sent.length).toBeGreaterThan(0);
      for (const request of sent) {
        expect(request.violations).toBeNull();
        expect(request.status).toBeLessThan(300);
        expect(requestBodyErrors(request)).toEqual([]);
      }
    });
  });
});

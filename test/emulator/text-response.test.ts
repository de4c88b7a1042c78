// The in-process fetch's Response (text-response.ts) holds its body as text
// and makes a stream only when asked: every way of reading it must give what
// `new Response(text, init)` gives, used-body errors included.
import { describe, expect, it } from "vitest";
import { textResponse } from "../../src/testing/text-response";

const INIT = { status: 201, statusText: "Created", headers: { "content-type": "application/json", "x-a": "b" } };
const TEXTS = ['{"sid":"KD1","n":[1,2]}', "caf\u00e9 \u{1f600}", "lone \ud800 half \udfff", "\ufeff{}", "plain"];
const both = (text: string) => [textResponse(text, INIT), new Response(text, INIT)] as const;

async function settle<T>(read: () => Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

describe("the in-process fetch's text-backed Response", () => {
  it("is a Response with the status, status text and headers it was given", () => {
    const [ours] = both("{}");
    expect(ours).toBeInstanceOf(Response);
    expect([ours.status, ours.statusText, ours.ok, ours.headers.get("x-a"), ours.type]).toEqual([
      201,
      "Created",
      true,
      "b",
      "default",
    ]);
  });

  it.each(TEXTS)("reads %j as a streamed Response does, by every method", async (text) => {
    for (const method of ["text", "json", "arrayBuffer", "blob", "bytes"] as const) {
      const [ours, theirs] = both(text);
      const read = async (r: Response) => {
        const value = await r[method]();
        return value instanceof Blob
          ? await value.text()
          : value instanceof ArrayBuffer
            ? [...new Uint8Array(value)]
            : value;
      };
      expect(await settle(() => read(ours))).toEqual(await settle(() => read(theirs)));
      expect(ours.bodyUsed).toBe(theirs.bodyUsed);
      expect(await settle(() => ours.text())).toEqual(await settle(() => theirs.text()));
    }
  });

  it("gives its body as a stream that reads the same bytes, and is used once read", async () => {
    const [ours, theirs] = both("lone \ud800 and \u{1f600}");
    expect(ours.bodyUsed).toBe(false);
    const bytes = async (r: Response) => new Uint8Array(await new Response(r.body).arrayBuffer());
    expect(await bytes(ours)).toEqual(await bytes(theirs));
    expect(ours.bodyUsed).toBe(true);
    await expect(ours.text()).rejects.toThrow(TypeError);
  });

  it("refuses a second read, and shows a used stream after text()", async () => {
    const [ours] = both('{"a":1}');
    expect(await ours.json()).toEqual({ a: 1 });
    expect(ours.bodyUsed).toBe(true);
    await expect(ours.json()).rejects.toThrow(TypeError);
    expect(ours.body?.locked).toBe(true);
    expect(() => ours.clone()).toThrow(TypeError);
  });

  it("clones into two Responses that read independently", async () => {
    const [ours] = both('{"a":1}');
    const copy = ours.clone();
    expect([copy.status, copy.headers.get("x-a")]).toEqual([201, "b"]);
    expect(await copy.text()).toBe('{"a":1}');
    expect(await ours.json()).toEqual({ a: 1 });
  });
});

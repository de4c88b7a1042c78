// The receivers face the open internet: issue 25's attacks, each with no
// valid signature unless it says so. Work grows linearly with the body
// whatever its shape (measured as a ratio of CPU time between two sizes, the
// fastest of several runs, never as a duration); every parameter name,
// `__proto__` included, is data; JSON depth is bounded; and a URL that the
// WHATWG parser re-encodes still verifies, as it does with twilio-node. The
// body cap is body-cap.test.ts.
import { describe, expect, it } from "vitest";
import {
  MalformedEventError,
  WebhookSignatureError,
  bodySha256,
  receiveInteractionEvent,
  toInteractionEvent,
  twilioSignature,
} from "twilio-interactions";
import { AUTH_TOKEN } from "../helpers/fixtures";
import { FORM, LEFT, URL_, formBody, refusal, signedRequest } from "./support";
import { twilioNode } from "./twilio-node";

const options = { authToken: AUTH_TOKEN };
const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

function forged(body: string, type = FORM, url = URL_): Request {
  return new Request(url, { method: "POST", body, headers: { "content-type": type, "x-twilio-signature": "forged" } });
}

/** A JSON body signed as Twilio signs one: through `bodySHA256` in the URL. */
async function signedJson(body: string): Promise<Request> {
  const url = `${URL_}&bodySHA256=${await bodySha256(body)}`;
  const signature = await twilioSignature(AUTH_TOKEN, url, {});
  return new Request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-twilio-signature": signature },
  });
}

// CPU time of the process (user + system), the least of `runs` calls: other
// work on a shared machine delays a call but does not add to its CPU time.
async function cpuCost(run: () => Promise<unknown>, runs: number): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await run();
    const { user, system } = process.cpuUsage(start);
    least = Math.min(least, user + system);
  }
  return least;
}

/**
 * How many times the work for `large` (4 times the body of `small`) exceeds
 * the work for `small`: the least of each over 3 runs, 3 more of each while
 * the ratio is not under `bound`, up to 15.
 */
async function growth(small: () => Promise<unknown>, large: () => Promise<unknown>, bound: number): Promise<number> {
  await small();
  await large();
  let [a, b] = [Infinity, Infinity];
  for (let round = 0; round < 5 && !(b / a < bound); round++) {
    a = Math.min(a, await cpuCost(small, 3));
    b = Math.min(b, await cpuCost(large, 3));
  }
  return b / a;
}

describe("work grows linearly with the body, whatever its shape", () => {
  const roomy = { ...options, maxBodyBytes: 4 * 1024 * 1024 };
  const refuse = (body: () => string) => async () =>
    expect(await refusal(receiveInteractionEvent(forged(body()), roomy))).toBeInstanceOf(WebhookSignatureError);

  // Linear work is 4 times as much for 4 times the body, in theory. Measured
  // here it is 4 to 12 times: between these sizes V8's young generation
  // overflows, and what survives is copied. The collection this replaces took
  // over 100 times as much for the 40,000 repeated keys (past the test's
  // timeout); quadratic work would take 16 times, times that same step.
  it.each([
    [
      "repeated keys (10,000 and 40,000 of one name)",
      (n: number) => `a=${Array.from({ length: n }, (_, i) => i).join("&a=")}`,
      10_000,
    ],
    [
      "distinct keys (10,000 and 40,000)",
      (n: number) => Array.from({ length: n }, (_, i) => `k${i}=1`).join("&"),
      10_000,
    ],
    [
      "long values sharing a long prefix (4 and 16 of 17,000 characters)",
      (n: number) => Array.from({ length: n }, (_, i) => `a=${"v".repeat(17_000)}${i}`).join("&"),
      4,
    ],
    [
      "long names sharing a long prefix (4 and 16 of 17,000 characters)",
      (n: number) => Array.from({ length: n }, (_, i) => `${"k".repeat(17_000)}${i}=1`).join("&"),
      4,
    ],
  ])("%s: refused in under 20 times the work for a quarter of the body", async (_shape, body, n) => {
    const [small, large] = [body(n), body(4 * n)];
    expect(
      await growth(
        refuse(() => small),
        refuse(() => large),
        20,
      ),
    ).toBeLessThan(20);
  });

  it("refuses JSON nested deeper than 32 levels before parsing it, signed or not", async () => {
    const nested = (depth: number) => `{"EventType":"onParticipantLeft","x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const unsigned = { verifySignature: false as const, maxBodyBytes: 8 * 1024 * 1024 };
    for (const depth of [32, 2_000_000]) {
      const error = await refusal(receiveInteractionEvent(forged(nested(depth), "application/json"), unsigned));
      expect(error).toMatchObject({ name: "MalformedEventError", parameter: "body" });
      expect(error.message).toMatch(/nested deeper than 32 levels/);
    }
    const nestedEvent = (depth: number) =>
      JSON.stringify({ ...LEFT, Nested: JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) });
    const deep = await refusal(receiveInteractionEvent(await signedJson(nestedEvent(32)), options));
    expect(deep.message).toMatch(/nested deeper than 32 levels/);
    await expect(receiveInteractionEvent(await signedJson(nestedEvent(31)), options)).resolves.toMatchObject(LEFT);
  });

  it("refuses a parameter name longer than 1,000 characters, after the signature and before any object holds it", async () => {
    const name = "n".repeat(1001);
    const error = await refusal(receiveInteractionEvent(await signedRequest({ ...LEFT, [name]: "1" }), options));
    expect(error).toMatchObject({ name: "MalformedEventError", parameter: "body" });
    expect(error.message).toMatch(/parameter name longer than 1000 characters/);
    const json = forged(JSON.stringify({ ...LEFT, [name]: 1 }), "application/json");
    expect(await refusal(receiveInteractionEvent(json, { verifySignature: false }))).toBeInstanceOf(
      MalformedEventError,
    );
    await expect(
      receiveInteractionEvent(await signedRequest({ ...LEFT, ["n".repeat(1000)]: "1" }), options),
    ).resolves.toBeDefined();
  });
});

describe("every parameter name is data", () => {
  it.each(PROTOTYPE_NAMES)("a forged body carrying %s is a WebhookSignatureError", async (name) => {
    for (const body of [`${name}=1`, `${name}=1&${name}=2`, `EventType=onParticipantLeft&${name}=x`]) {
      expect(await refusal(receiveInteractionEvent(forged(body), options))).toBeInstanceOf(WebhookSignatureError);
    }
  });

  it("a signed event carrying each of them, once and repeated, verifies (as with twilio-node) and keeps them as its own data", async () => {
    const extra = Object.fromEntries(PROTOTYPE_NAMES.map((name, i) => [name, i % 2 ? `v${i}` : [`v${i}`, "w"]]));
    const params = { ...LEFT, ...extra };
    const request = await signedRequest(params);
    const signature = request.headers.get("x-twilio-signature")!;
    expect(twilioNode().validateRequest(AUTH_TOKEN, signature, URL_, params)).toBe(true);
    const event: Record<string, unknown> = await receiveInteractionEvent(request, options);
    expect(Object.getPrototypeOf(event)).toBeNull();
    for (const name of PROTOTYPE_NAMES)
      expect(Object.getOwnPropertyDescriptor(event, name)?.value).toEqual(extra[name]);
    expect(Object.keys(event)).toEqual([...Object.keys(LEFT), ...PROTOTYPE_NAMES]);
  });

  it("so do a GET query and a JSON body carrying them", async () => {
    const query = `${URL_}&${formBody({ ...LEFT, ["__proto__"]: "q", constructor: "c" })}`;
    const get = new Request(query, { headers: { "x-twilio-signature": await twilioSignature(AUTH_TOKEN, query, {}) } });
    const fromQuery: Record<string, unknown> = await receiveInteractionEvent(get, options);
    expect(Object.getOwnPropertyDescriptor(fromQuery, "__proto__")?.value).toBe("q");
    expect(fromQuery.constructor).toBe("c");

    const body = `{"EventType":"onParticipantLeft","__proto__":{"polluted":1},"constructor":"c"}`.replace(
      `"EventType":"onParticipantLeft"`,
      JSON.stringify(LEFT).slice(1, -1),
    );
    const event: Record<string, unknown> = await receiveInteractionEvent(await signedJson(body), options);
    expect(Object.getOwnPropertyDescriptor(event, "__proto__")?.value).toEqual({ polluted: 1 });
    expect(event.constructor).toBe("c");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("toInteractionEvent keeps them as data, from any object", () => {
    const params = JSON.parse(`{"__proto__":"p","toString":"t"}`);
    const event: Record<string, unknown> = toInteractionEvent({ ...LEFT, ...params });
    expect(Object.getPrototypeOf(event)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(event, "__proto__")?.value).toBe("p");
    expect(event.toString).toBe("t");
  });
});

describe("a URL the WHATWG parser re-encodes", () => {
  it("verifies as twilio-node verifies it: Twilio signed `'`, the Request holds %27", async () => {
    const url = "https://example.org/flex-events?name=O'Brien&tenant=a";
    const request = await signedRequest(LEFT, { url });
    expect(request.url).toBe("https://example.org/flex-events?name=O%27Brien&tenant=a");
    const signature = request.headers.get("x-twilio-signature")!;
    expect(twilioNode().validateRequest(AUTH_TOKEN, signature, request.url, LEFT)).toBe(true);
    await expect(receiveInteractionEvent(request, options)).resolves.toMatchObject(LEFT);
  });
});

// The receivers face the open internet: issue 25's attacks, each with no
// valid signature unless it says so. Work grows linearly with the body
// whatever its shape (measured as a ratio of CPU time between two sizes, the
// fastest of several runs, never as a duration); every parameter name,
// `__proto__` included, is data; a body over the cap is refused without being
// read; JSON depth is bounded; and a URL that the WHATWG parser re-encodes
// still verifies, as it does with twilio-node.
import { type Server, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EventTooLargeError,
  MalformedEventError,
  TwilioConfigError,
  WebhookSignatureError,
  bodySha256,
  receiveInteractionEvent,
  receiveNodeInteractionEvent,
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
 * the work for `small`: the least of each over 5 runs, 5 more of each while
 * the ratio is not under `bound`, up to 15.
 */
async function growth(small: () => Promise<unknown>, large: () => Promise<unknown>, bound: number): Promise<number> {
  await small();
  await large();
  let [a, b] = [Infinity, Infinity];
  for (let round = 0; round < 3 && !(b / a < bound); round++) {
    a = Math.min(a, await cpuCost(small, 5));
    b = Math.min(b, await cpuCost(large, 5));
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
    const body = JSON.stringify({ ...LEFT, Nested: JSON.parse(`${"[".repeat(30)}${"]".repeat(30)}`) });
    const url = `${URL_}&bodySHA256=${await bodySha256(body)}`;
    const headers = {
      "content-type": "application/json",
      "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, {}),
    };
    await expect(
      receiveInteractionEvent(new Request(url, { method: "POST", body, headers }), options),
    ).resolves.toMatchObject(LEFT);
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

  it("a signed event carrying each of them, once and repeated, verifies and keeps them as its own data", async () => {
    const extra = Object.fromEntries(PROTOTYPE_NAMES.map((name, i) => [name, i % 2 ? `v${i}` : [`v${i}`, "w"]]));
    const event: Record<string, unknown> = await receiveInteractionEvent(
      await signedRequest({ ...LEFT, ...extra }),
      options,
    );
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
    const url = `${URL_}&bodySHA256=${await bodySha256(body)}`;
    const headers = {
      "content-type": "application/json",
      "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, {}),
    };
    const event: Record<string, unknown> = await receiveInteractionEvent(
      new Request(url, { method: "POST", body, headers }),
      options,
    );
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

  it("twilio-node accepts the same signed event", async () => {
    const params = { ...LEFT, constructor: "c", toString: ["a", "b"] };
    const request = await signedRequest(params);
    expect(twilioNode().validateRequest(AUTH_TOKEN, request.headers.get("x-twilio-signature")!, URL_, params)).toBe(
      true,
    );
  });
});

// A body that never ends unless it is read to its 50 MB end; `pulled` counts what was taken from it.
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode("a=".padEnd(64 * 1024, "b"));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
      if (pulled >= 50 * 1024 * 1024) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe("a body over the cap is refused without reading the rest", () => {
  const cap = 64 * 1024;

  it("receiveInteractionEvent stops a 50 MB stream after the default 64 KiB, and cancels it", async () => {
    const body = endlessBody();
    const request = new Request(URL_, {
      method: "POST",
      body: body.stream,
      headers: { "content-type": FORM, "x-twilio-signature": "forged" },
      duplex: "half",
    } as RequestInit);
    const error = await refusal(receiveInteractionEvent(request, options));
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({ maxBodyBytes: cap });
    expect(body.pulled()).toBeLessThanOrEqual(cap + 2 * 64 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(body.cancelled()).toBe(true);
  });

  it("refuses a Content-Length over the cap before reading the body", async () => {
    const body = endlessBody();
    const request = new Request(URL_, {
      method: "POST",
      body: body.stream,
      headers: { "content-type": FORM, "content-length": String(50 * 1024 * 1024), "x-twilio-signature": "x" },
      duplex: "half",
    } as RequestInit);
    expect(await refusal(receiveInteractionEvent(request, { verifySignature: false }))).toBeInstanceOf(
      EventTooLargeError,
    );
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024); // the stream's own first pull, nothing read by the receiver
  });

  it("refuses a raw body over the cap before decoding it, and honours maxBodyBytes", async () => {
    const message = {
      method: "POST",
      url: "/flex-events",
      headers: { host: "example.org", "x-twilio-signature": "x" },
    };
    const big = "a=".padEnd(50 * 1024 * 1024, "b");
    expect(await refusal(receiveNodeInteractionEvent(message, big, options))).toBeInstanceOf(EventTooLargeError);
    expect(await refusal(receiveNodeInteractionEvent(message, new Uint8Array(cap + 1), options))).toBeInstanceOf(
      EventTooLargeError,
    );
    const padded = { ...LEFT, Padding: "p".repeat(100_000) };
    expect(await refusal(receiveInteractionEvent(await signedRequest(padded), options))).toBeInstanceOf(
      EventTooLargeError,
    );
    await expect(
      receiveInteractionEvent(await signedRequest(padded), { ...options, maxBodyBytes: 200_000 }),
    ).resolves.toMatchObject(LEFT);
    for (const maxBodyBytes of [-1, 1.5, Number.NaN]) {
      await expect(receiveInteractionEvent(await signedRequest(LEFT), { ...options, maxBodyBytes })).rejects.toThrow(
        TwilioConfigError,
      );
    }
  });

  it("refuses a parsed body given as the raw one, saying what to pass", async () => {
    const message = { method: "POST", url: "/", headers: { host: "example.org" } };
    await expect(receiveNodeInteractionEvent(message, LEFT as never, options)).rejects.toThrow(/raw body/);
    await expect(receiveNodeInteractionEvent(message, undefined, options)).rejects.toThrow(TwilioConfigError);
  });
});

describe("receiveNodeInteractionEvent reading the request itself behind node:http", () => {
  let server: Server;
  let base: string;
  const seen: { name: string; bytesRead: number }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      receiveNodeInteractionEvent(req, undefined, options).then(
        (event) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(event)),
        (error: Error) => {
          seen.push({ name: error.name, bytesRead: req.socket.bytesRead });
          res.writeHead(error instanceof EventTooLargeError ? 413 : 403, { connection: "close" }).end(error.name);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  // Streams up to 50 MB, as fast as the server reads, and returns the status it answered.
  function post50MB(headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const chunk = Buffer.alloc(64 * 1024, "a");
      let written = 0;
      const request = httpRequest(`${base}/flex-events`, {
        method: "POST",
        headers: { "content-type": FORM, ...headers },
      });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : reject(error)));
      const pump = (): void => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.byteLength;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
        request.end();
      };
      pump();
    });
  }

  it("accepts a signed event", async () => {
    const url = `${base}/flex-events`;
    const response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(LEFT),
      headers: { "x-twilio-signature": await twilioSignature(AUTH_TOKEN, url, LEFT) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(LEFT);
  });

  it("stops reading a 50 MB body past the cap, streamed or announced, and the handler answers 413", async () => {
    seen.length = 0;
    expect(await post50MB({ "x-twilio-signature": "forged" })).toBe(413);
    expect(await post50MB({ "x-twilio-signature": "forged", "content-length": String(50 * 1024 * 1024) })).toBe(413);
    expect(seen.map((s) => s.name)).toEqual(["EventTooLargeError", "EventTooLargeError"]);
    // What Node took off the socket: the cap plus its buffers, not 50 MB.
    for (const { bytesRead } of seen) expect(bytesRead).toBeLessThan(1024 * 1024);
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

// The wire over fetch, for every runtime that has it (edge runtimes, Deno,
// Bun, browsers, and Node when a fetch is passed in). Each attempt gets its own
// AbortController and timer, and the call is re-issued as fetch(url, init):
// a signal attached through a Request can be lost to garbage collection on
// Node 20 (toolchain note 11), and a fetch that ignores its signal must still
// give up on time, hence the race. The runtime decodes gzip, deflate and br;
// the body is read in the runtime's chunks and counted, so a body over the
// size cap stops being read (and decoded) there.
import { runtimeKind } from "./env";
import type { FetchLike } from "./transport";
import { ACCEPT_ENCODING, type Wire, type WireHeaders, WireTimeout, WireTooLarge, decodeChunks } from "./wire";

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

// The body as text, reading no more than `maxBytes` of it.
async function readText(response: Response, maxBytes: number, status: number): Promise<string> {
  const tooLarge = () => new WireTooLarge(maxBytes, status, response.headers.get("content-type") ?? undefined);
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  const encoded = response.headers.has("content-encoding");
  if (!encoded && length > maxBytes) {
    response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  // A declared length within the cap is the common case: the runtime reads it in one call.
  if (!response.body || (!encoded && length <= maxBytes)) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return total === 0 ? "" : decodeChunks(chunks, total);
}

// What proves a failed fetch never sent the request, per runtime. Node's
// undici and Bun put a code such as ECONNREFUSED on the error or its cause,
// which the transport reads as is. Deno's fetch has no code, only hyper's
// message from the connect phase, mapped here to the code it stands for.
// workerd ("Network connection lost.") and browsers ("Failed to fetch") say
// nothing that tells a refused connection from a dropped one, so their
// failures count as possibly sent: a POST is then never repeated.
const DENO_CONNECT_ERRORS: [RegExp, string][] = [
  [/\(Connect\): tcp connect error: Connection refused/, "ECONNREFUSED"],
  [/\(Connect\): dns error/, "ENOTFOUND"],
  [/\(Connect\): tcp connect error: Network is unreachable/, "ENETUNREACH"],
  [/\(Connect\): tcp connect error: No route to host/, "EHOSTUNREACH"],
];

function classified(error: unknown): unknown {
  if (runtimeKind() !== "deno") return error;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const match = DENO_CONNECT_ERRORS.find(([pattern]) => pattern.test(e.message));
    if (match)
      return Object.assign(new Error(`${match[1]}: the request was not sent`, { cause: error }), { code: match[1] });
  }
  return error;
}

function recordHeaders(record: Record<string, string>): WireHeaders {
  return { get: (name) => record[name], all: () => record, checked: false };
}

/** A wire that sends through `fetchImpl`. */
export function fetchWire(fetchImpl: FetchLike): Wire {
  return async (request, timeoutMs, signal) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new WireTimeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers = request.headers["accept-encoding"]
        ? request.headers
        : { ...request.headers, "accept-encoding": ACCEPT_ENCODING };
      const init: RequestInit = { method: request.method, headers, redirect: "manual", signal: controller.signal };
      if (request.body !== undefined) init.body = request.body;
      const response = await raceAbort(fetchImpl(request.url, init), controller.signal);
      // A browser's manual redirect is opaque (status 0): report it as the redirect it is.
      const status = response.type === "opaqueredirect" ? 302 : response.status;
      const text = await raceAbort(readText(response, request.maxBytes, status), controller.signal);
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      return { status, statusText: response.statusText, headers: recordHeaders(responseHeaders), text };
    } catch (error) {
      throw controller.signal.reason instanceof WireTimeout && !signal?.aborted
        ? controller.signal.reason
        : classified(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  };
}

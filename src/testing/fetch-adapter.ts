// Between web-standard fetch and the emulator's own request and response
// records: what the in-process `emulator.fetch` does around a dispatch.
import type { EmulatorRequest, EmulatorResponse } from "./exchange";
import { utf8Length } from "./limits";
import { textResponse } from "./text-response";

interface Body {
  text: string;
  bytes: number;
}

// Reads a stream until it ends, or until it is over `maxBytes` (then the rest is never read).
async function read(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Body> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), bytes };
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return { text, bytes };
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function bodyOf(
  body: BodyInit | null | undefined,
  request: Request | undefined,
  maxBytes: number,
): Promise<Body> {
  if (body === undefined || body === null) return request?.body ? read(request.body, maxBytes) : { text: "", bytes: 0 };
  if (typeof body === "string") return { text: body, bytes: utf8Length(body) };
  if (body instanceof URLSearchParams) return bodyOf(body.toString(), undefined, maxBytes);
  const stream = new Response(body).body;
  return stream ? read(stream, maxBytes) : { text: "", bytes: 0 };
}

/** The emulator's view of a fetch call (its body read up to `maxBodyBytes`), and the signal that aborts it. */
export async function toEmulatorRequest(
  input: string | URL | Request,
  init: RequestInit = {},
  maxBodyBytes: number,
): Promise<{ request: EmulatorRequest; signal: AbortSignal | undefined }> {
  const original = input instanceof Request ? input : undefined;
  const url = new URL(original ? original.url : String(input));
  const signal = init.signal ?? original?.signal ?? undefined;
  if (signal?.aborted) throw signal.reason;
  const headers: Record<string, string> = {};
  new Headers(init.headers ?? original?.headers).forEach((value, name) => (headers[name] = value));
  // fetch sets the form Content-Type itself for a URLSearchParams body.
  if (init.body instanceof URLSearchParams && !headers["content-type"])
    headers["content-type"] = "application/x-www-form-urlencoded;charset=UTF-8";
  const method = (init.method ?? original?.method ?? "GET").toUpperCase();
  const body = await bodyOf(init.body, original, maxBodyBytes);
  return { request: { method, url, headers, body: body.text, bodyBytes: body.bytes }, signal };
}

/** The Response fetch resolves with, or the TypeError fetch rejects with when the connection drops. */
export function toResponse(response: EmulatorResponse): Response {
  if (response.drop) {
    const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    throw new TypeError("fetch failed", { cause });
  }
  const init = { status: response.status, headers: response.headers };
  return response.body === "" ? new Response(null, init) : textResponse(response.body, init);
}

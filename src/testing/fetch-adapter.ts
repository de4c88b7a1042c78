// Between web-standard fetch and the emulator's own request and response
// records: what the in-process `emulator.fetch` does around a dispatch.
import type { EmulatorRequest, EmulatorResponse } from "./exchange";

async function bodyText(body: BodyInit | null | undefined, request: Request | undefined): Promise<string> {
  if (body === undefined || body === null) return request ? await request.text() : "";
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  return await new Response(body).text();
}

/** The emulator's view of a fetch call, and the signal that aborts it. */
export async function toEmulatorRequest(
  input: string | URL | Request,
  init: RequestInit = {},
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
  return { request: { method, url, headers, body: await bodyText(init.body, original) }, signal };
}

/** The Response fetch resolves with, or the TypeError fetch rejects with when the connection drops. */
export function toResponse(response: EmulatorResponse): Response {
  if (response.drop) {
    const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    throw new TypeError("fetch failed", { cause });
  }
  return new Response(response.body === "" ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}

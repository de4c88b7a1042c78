// The wire over node:http/node:https with keep-alive agents: on Node it costs
// about half of what fetch does per request (no Request, Response or stream
// objects, no AbortController). It is reached through
// process.getBuiltinModule rather than an import, so bundlers and edge
// runtimes never see a Node built-in; where that function is missing, the
// client falls back to fetch.
import { type Wire, type WireResponse, WireTimeout } from "./wire";

// The small part of node:http this module uses (src/ compiles without Node types).
interface IncomingMessage {
  statusCode?: number;
  statusMessage?: string;
  headers: Record<string, string | string[] | undefined>;
  complete: boolean;
  setEncoding(encoding: "utf8"): void;
  on(event: "data", listener: (chunk: string) => void): void;
  on(event: "end" | "close", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
}
interface ClientRequest {
  on(event: "error", listener: (error: Error) => void): void;
  end(body?: string): void;
  destroy(error?: Error): void;
}
interface HttpModule {
  Agent: new (options: { keepAlive: boolean }) => object;
  request(
    url: string,
    options: { method: string; headers: Record<string, string>; agent: object },
    callback: (response: IncomingMessage) => void,
  ): ClientRequest;
}
interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?(id: string): unknown;
}

function flatten(headers: IncomingMessage["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** The node:http wire, or `undefined` where node:http is not available. */
export function nodeWire(): Wire | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.getBuiltinModule !== "function" || typeof proc.versions?.node !== "string") return undefined;
  const http = proc.getBuiltinModule("node:http") as HttpModule;
  const https = proc.getBuiltinModule("node:https") as HttpModule;
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

  return (request, timeoutMs, signal) =>
    new Promise<WireResponse>((resolve, reject) => {
      let settled = false;
      let responding = false;
      const settle = (error: unknown, response?: WireResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (response) resolve(response);
        else reject(error);
      };
      const secure = request.url.startsWith("https:");
      const options = { method: request.method, headers: request.headers, agent: secure ? agents.https : agents.http };
      // After the headers, any failure means the body broke off; say so, with the runtime's reason as the cause.
      const brokeOff = (cause?: Error) =>
        settle(new Error("the connection closed before the response body was complete", { cause }));
      const req = (secure ? https : http).request(request.url, options, (res) => {
        responding = true;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          settle(undefined, {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            headers: flatten(res.headers),
            text,
          }),
        );
        res.on("error", brokeOff);
        res.on("close", () => {
          if (!res.complete) brokeOff();
        });
      });
      const timer = setTimeout(() => {
        const timeout = new WireTimeout(`timed out after ${timeoutMs} ms`);
        settle(timeout);
        req.destroy(timeout);
      }, timeoutMs);
      const onAbort = () => {
        settle(signal?.reason);
        req.destroy();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (error) => (responding ? brokeOff(error) : settle(error)));
      req.end(request.body);
    });
}

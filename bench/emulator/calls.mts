// The calls the emulator measure sends to Prism and to the emulator alike:
// a fetch of an interaction and a form-encoded create, alternately, with a
// fixed number in flight, and the requests per second that came back.
import { Agent, request } from "node:http";

/** The seed's create body, form-encoded once. */
export const CREATE_BODY = new URLSearchParams({
  Channel: JSON.stringify({
    type: "sms",
    initiated_by: "agent",
    participants: [{ address: "+12345678910", proxy_address: "+19255551234" }],
  }),
  Routing: JSON.stringify({
    properties: {
      workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      workflow_sid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      queue_sid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      attributes: { customerName: "first last", customerAddress: "+12345678910" },
    },
  }),
}).toString();

export interface Target {
  /** Base URL of the Flex API. */
  flex: string;
  authorization: string;
  /** An interaction the target knows. */
  interactionSid: string;
}

/** One call: even numbers fetch, odd numbers create. Resolves with the status. */
export type Send = (n: number) => Promise<number>;

/** Sends `total` calls, `concurrency` at a time; requests per second. Throws on any non-2xx. */
export async function load(send: Send, total: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const status = await send(n);
      if (status < 200 || status > 299) throw new Error(`call ${n} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - started) / 1000);
}

/** The calls over loopback HTTP with keep-alive (node:http: the cheapest client, so the server is what is measured). */
export function httpSender(target: Target, concurrency: number): { send: Send; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(target.flex);
  const send: Send = (n) =>
    new Promise((resolve, reject) => {
      const create = n % 2 === 1;
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: create ? "POST" : "GET",
          path: create ? "/v1/Interactions" : `/v1/Interactions/${target.interactionSid}`,
          headers: {
            authorization: target.authorization,
            accept: "application/json",
            ...(create ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(create ? CREATE_BODY : undefined);
    });
  return { send, close: () => agent.destroy() };
}

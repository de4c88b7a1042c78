// Bundled and run by process.test.ts in a child process: makes one call against the
// server at argv[2] over the wire argv[3] ("node" or "fetch"), then prints
// its outcome and the process's peak RSS as one line of JSON. With argv[4]
// "exhaust-fds", the call starts with no file descriptor left, and 20 are
// freed 100 ms later.
import { closeSync, openSync } from "node:fs";
import { createInteractionsClient } from "../../../src/index";

const [url, wire, mode] = process.argv.slice(2);
const twilio = createInteractionsClient({
  accountSid: "AC0123456789abcdef0123456789abcdef",
  authToken: "tok3n5ecretV4lue0123456789abcdefZ",
  baseUrls: { flex: url!, proxy: url! },
  timeoutMs: 60_000,
  ...(wire === "fetch" ? { fetch: (input: string, init: RequestInit) => globalThis.fetch(input, init) } : {}),
});

const held: number[] = [];
let freeing: ReturnType<typeof setTimeout> | undefined;
if (mode === "exhaust-fds") {
  try {
    for (;;) held.push(openSync("/dev/null", "r"));
  } catch {
    // EMFILE: every descriptor is taken.
  }
  freeing = setTimeout(() => held.splice(0, 20).forEach((fd) => closeSync(fd)), 100);
}

let outcome: Record<string, unknown>;
try {
  const call =
    mode === "exhaust-fds"
      ? twilio.flex.POST("/v1/Interactions", {
          body: {
            Channel: { type: "web", initiated_by: "api" },
            Routing: { properties: { workspace_sid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },
          },
        })
      : twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } });
  const { data, error } = await call;
  outcome = { data: data !== undefined, error: error === undefined ? undefined : "TwilioApiError body" };
} catch (error) {
  outcome = { thrown: (error as Error).name, message: (error as Error).message };
}
clearTimeout(freeing);
held.forEach((fd) => closeSync(fd));
console.log(
  JSON.stringify({
    ...outcome,
    exhausted: held.length > 0 || mode !== "exhaust-fds",
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);

// Preloaded into `npm run test:live` by its test (NODE_OPTIONS=--import):
// every request through fetch or node:http must go to a loopback host. Any
// other host is refused before a byte is sent and reported on stderr; at exit
// it prints how many requests it saw, so the test knows it was active.
import { subscribe } from "node:diagnostics_channel";

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;
let seen = 0;
let refused = 0;
const refuse = (host) => {
  refused += 1;
  process.stderr.write(`loopback-only: a request to ${host} was refused\n`);
  return new Error(`loopback-only: ${host} is not a loopback host`);
};

const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  seen += 1;
  if (!LOOPBACK.test(url.hostname)) return Promise.reject(refuse(url.host));
  return realFetch(input, init);
};
subscribe("http.client.request.start", ({ request }) => {
  seen += 1;
  const host = request.host ?? request.getHeader("host");
  if (!LOOPBACK.test(String(host).replace(/:\d+$/, ""))) request.destroy(refuse(host));
});
process.on("exit", () => process.stderr.write(`loopback-only: ${seen} request(s), ${refused} refused\n`));

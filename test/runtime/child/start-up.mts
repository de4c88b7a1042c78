// Bundled and run by start-up.test.ts in a fresh process: builds a client for the
// http:// server at argv[2], then makes one call, and prints which of Node's
// networking modules were loaded after each step, as one line of JSON. It reads
// only `data`: the lazily made `response` would load undici, and TLS with it.
import { createInteractionsClient } from "../../../src/index";

const NETWORK_MODULES = ["http", "https", "tls"];
const loaded = () =>
  NETWORK_MODULES.filter((name) =>
    (process as unknown as { moduleLoadList: string[] }).moduleLoadList.includes(`NativeModule ${name}`),
  );

const atImport = loaded();
const twilio = createInteractionsClient({
  accountSid: "AC0123456789abcdef0123456789abcdef",
  authToken: "tok3n5ecretV4lue0123456789abcdefZ",
  baseUrls: { flex: process.argv[2]!, proxy: process.argv[2]! },
});
const afterClient = loaded();
const { data } = await twilio.flex.GET("/v1/Interactions/{Sid}", {
  params: { path: { Sid: "KD0123456789abcdef0123456789abcdef" } },
});
console.log(JSON.stringify({ atImport, afterClient, afterCall: loaded(), sid: data?.sid }));

// A recording loopback server and a client pointed at it, set up once per
// test file and always closed.
import { afterAll, beforeAll } from "vitest";
import { type InteractionsClient, type InteractionsClientOptions, createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN } from "./fixtures";
import { type TestServer, startServer } from "./server";

export interface ServerAndClient {
  server: TestServer;
  twilio: InteractionsClient;
  /** Another client on the same server, with different options. */
  client(options?: InteractionsClientOptions): InteractionsClient;
}

/** Starts a server before the file's tests and closes it after them. */
export function useServerAndClient(options: InteractionsClientOptions = {}): ServerAndClient {
  const context = {} as ServerAndClient;
  beforeAll(async () => {
    context.server = await startServer();
    context.client = (extra = {}) =>
      createInteractionsClient({
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        baseUrls: { flex: context.server.url, proxy: context.server.url },
        ...options,
        ...extra,
      });
    context.twilio = context.client();
  });
  afterAll(() => context.server.close());
  return context;
}

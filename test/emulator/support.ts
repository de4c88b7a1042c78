// Clients on an emulator, in-process (its own fetch) or over loopback HTTP
// (listen()), so every suite runs both ways; servers are always closed.
import { afterAll, afterEach, beforeAll } from "vitest";
import { type InteractionsClient, type InteractionsClientOptions, createInteractionsClient } from "twilio-interactions";
import { type Emulator, type EmulatorOptions, type EmulatorServer, createEmulator } from "twilio-interactions/testing";

export const TRANSPORTS = ["in-process", "http"] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface EmulatorContext {
  emulator: Emulator;
  twilio: InteractionsClient;
  /** Where the clients send: the in-process base URLs, or the server's. */
  baseUrls: { flex: string; proxy: string };
  /** The fetch that reaches `baseUrls`. */
  send: (url: string, init?: RequestInit) => Promise<Response>;
  /** Another client on the same emulator and transport. */
  client(options?: InteractionsClientOptions): InteractionsClient;
}

/** One emulator per test file, reset after each test; an HTTP server when `transport` is `http`. */
export function useEmulator(transport: Transport, options?: EmulatorOptions): EmulatorContext {
  const context = {} as EmulatorContext;
  let server: EmulatorServer | undefined;
  beforeAll(async () => {
    context.emulator = createEmulator(options);
    if (transport === "http") server = await context.emulator.listen();
    context.baseUrls = server?.baseUrls ?? context.emulator.baseUrls;
    context.send = server ? globalThis.fetch : context.emulator.fetch;
    context.client = (extra = {}) =>
      createInteractionsClient({ ...(server ?? context.emulator).clientOptions, maxRetries: 0, ...extra });
    context.twilio = context.client();
  });
  afterEach(() => context.emulator.reset());
  afterAll(() => server?.close());
  return context;
}

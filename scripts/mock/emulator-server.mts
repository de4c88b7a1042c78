// `npm run mock -- --emulator`: the stateful emulator (twilio-interactions/testing)
// over loopback HTTP instead of Prism, until Ctrl-C or a termination signal.
import { type EmulatorServer, createEmulator } from "twilio-interactions/testing";

export interface EmulatorMockOptions {
  ports: { flex?: number; proxy?: number };
  seed?: number;
  /** Proxy interactions to seed one session with, so list and fetch have something to show. */
  proxyInteractions: number;
}

/** Serves the emulator and prints how to reach it; resolves when a signal stops it. */
export async function serveEmulator({ ports, seed, proxyInteractions }: EmulatorMockOptions): Promise<void> {
  const emulator = createEmulator({ seed: seed ?? Date.now() % 2 ** 31 });
  const session = emulator.proxySession({ interactions: proxyInteractions });
  const server: EmulatorServer = await emulator.listen({ ports });
  const { accountSid, authToken } = emulator.credentials;
  console.log(
    [
      "The emulator is running (stateful; docs/emulator.md lists its rules). Base URLs:",
      `  TWILIO_FLEX_BASE_URL=${server.baseUrls.flex}`,
      `  TWILIO_PROXY_BASE_URL=${server.baseUrls.proxy}`,
      "",
      "It accepts only its own credentials:",
      `  TWILIO_ACCOUNT_SID=${accountSid} TWILIO_AUTH_TOKEN=${authToken}`,
      `A Proxy session with ${proxyInteractions} interactions: service ${session.serviceSid}, session ${session.sessionSid}`,
      "Press Ctrl-C to stop.",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
}

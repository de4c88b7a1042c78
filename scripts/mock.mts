// npm run mock: serves the bundled API descriptions (generated/openapi/*.yaml)
// with Prism on loopback, one port per API, until Ctrl-C. Point your own code,
// or an example, at the two base URLs it prints:
//
//   npm run mock                                      # free ports
//   npm run mock -- --flex-port 4010 --proxy-port 4011
//   npm run mock -- --quiet                           # without Prism's request log
//   npm run mock -- --emulator [--seed N]             # the stateful emulator instead of Prism
//
// Prism answers with the examples of the spec, and rejects (400, with the
// reason in the `sl-violations` response header) any request whose path,
// query or form body breaks the spec. Any well-formed credentials work.
// With --emulator, the emulator of twilio-interactions/testing answers
// instead: stateful, with its own credentials (docs/emulator.md).
import { parseArgs } from "node:util";
import { MOCK_APIS, MOCK_CREDENTIALS, type MockApi } from "./mock/interactions-mock.mts";
import { serveEmulator } from "./mock/emulator-server.mts";
import { startMockUntilExit } from "./mock/stop-on-exit.mts";

const USAGE = "Usage: npm run mock [-- --flex-port N] [--proxy-port N] [--quiet] [--emulator [--seed N]]";

function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`--${name} must be a port number from 1 to 65535, not "${value}". ${USAGE}`);
  }
  return n;
}

function options() {
  const { values } = parseArgs({
    options: {
      "flex-port": { type: "string" },
      "proxy-port": { type: "string" },
      quiet: { type: "boolean", default: false },
      emulator: { type: "boolean", default: false },
      seed: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.seed !== undefined && !/^\d+$/.test(values.seed))
    throw new Error(`--seed must be a whole number, not "${values.seed}". ${USAGE}`);
  if (values.seed !== undefined && !values.emulator) throw new Error(`--seed needs --emulator. ${USAGE}`);
  return {
    help: values.help,
    quiet: values.quiet,
    emulator: values.emulator,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    ports: { flex: port("flex-port", values["flex-port"]), proxy: port("proxy-port", values["proxy-port"]) },
  };
}

async function main(): Promise<void> {
  const { help, quiet, ports, emulator, seed } = options();
  if (help) {
    console.log(USAGE);
    return;
  }
  if (emulator) return serveEmulator({ ports, seed, proxyInteractions: 120 });
  console.log("Starting Prism for generated/openapi/flex.yaml and proxy.yaml…");
  let ready = false;
  const { started, exiting } = startMockUntilExit({
    ports,
    // Prism's request log shows why a request was rejected; its start-up chatter is noise.
    onLine: quiet ? undefined : (api, line) => ready && console.log(`[${api}] ${line}`),
  });
  const mock = await started;
  ready = true;
  const envName = (api: MockApi) => `TWILIO_${api.toUpperCase()}_BASE_URL`;
  console.log(
    [
      "The mock is running. Base URLs:",
      ...MOCK_APIS.map((api) => `  ${envName(api)}=${mock.urls[api]}`),
      "",
      "Any well-formed credentials work, for example:",
      `  TWILIO_ACCOUNT_SID=${MOCK_CREDENTIALS.accountSid} TWILIO_AUTH_TOKEN=${MOCK_CREDENTIALS.authToken}`,
      `In code: createInteractionsClient({ accountSid, authToken, baseUrls: ${JSON.stringify(mock.urls)} })`,
      "Requests that break the spec get a 400; the sl-violations response header says why.",
      "Press Ctrl-C to stop.",
    ].join("\n"),
  );
  const { api, code } = await mock.anyExited;
  if (exiting()) return; // Ctrl-C or a kill: the handler is stopping the mock and exiting.
  await mock.stop();
  throw new Error(
    `Prism for the ${api} API stopped unexpectedly (${code}). Its output:\n${mock.servers[api].output()}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

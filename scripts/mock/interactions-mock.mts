// The project's mock: one Prism process per bundled API description
// (generated/openapi/flex.yaml and proxy.yaml), started together and stopped
// together. Used by `npm run mock`, `npm run demo` and the integration tests.
import { fileURLToPath } from "node:url";
import { apis } from "../../generated/apis";
import { type PrismServer, startPrism } from "./prism.mts";

/**
 * The APIs the mock serves, each from `generated/openapi/<name>.yaml`.
 *
 * @example
 * ```ts
 * for (const api of MOCK_APIS) console.log(api, documentOf(api));
 * ```
 */
export const MOCK_APIS = Object.keys(apis) as (keyof typeof apis)[];
export type MockApi = (typeof MOCK_APIS)[number];

/**
 * Credentials for the mock: Prism only checks that a Basic Authorization
 * header is present, so any well-formed pair works. These are fake.
 *
 * @example
 * ```ts
 * const twilio = createInteractionsClient({ ...MOCK_CREDENTIALS, baseUrls: mock.urls });
 * ```
 */
export const MOCK_CREDENTIALS = {
  accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  authToken: "fake-auth-token-for-the-mock-000",
} as const;

/** Base URLs of the running mock, in the shape of the client's `baseUrls` option. */
export type MockUrls = Record<MockApi, string>;

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Fixed ports; free ones are picked for the APIs not listed. */
  ports?: Partial<Record<MockApi, number>>;
  /** Passed to Prism's start; see {@link startPrism}. Default 30 000 ms. */
  readyTimeoutMs?: number;
  /** Receives Prism's log lines, with the API they come from. */
  onLine?: (api: MockApi, line: string) => void;
}

/** A running mock. */
export interface Mock {
  readonly urls: MockUrls;
  /** One Prism process per API. */
  readonly servers: Readonly<Record<MockApi, PrismServer>>;
  /** Resolves when any Prism process ends, with which one and how. */
  readonly anyExited: Promise<{ api: MockApi; code: number | string }>;
  /** Stops every Prism process; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Path of the bundled description of `api`.
 *
 * @example
 * ```ts
 * documentOf("flex"); // "/…/generated/openapi/flex.yaml"
 * ```
 */
export function documentOf(api: MockApi): string {
  return fileURLToPath(new URL(`../../generated/openapi/${api}.yaml`, import.meta.url));
}

/**
 * Starts Prism for the Flex and the Proxy description on free loopback ports
 * and resolves when both answer. If either fails, neither is left running.
 *
 * @example
 * ```ts
 * const mock = await startMock();
 * try {
 *   const twilio = createInteractionsClient({ accountSid, authToken, baseUrls: mock.urls });
 * } finally {
 *   await mock.stop();
 * }
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const started = await Promise.allSettled(
    MOCK_APIS.map((api) =>
      startPrism({
        document: documentOf(api),
        port: options.ports?.[api],
        readyTimeoutMs: options.readyTimeoutMs,
        onLine: options.onLine && ((line) => options.onLine!(api, line)),
      }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const byApi = Object.fromEntries(MOCK_APIS.map((api, i) => [api, servers[i]!])) as Record<MockApi, PrismServer>;
  return {
    urls: Object.fromEntries(MOCK_APIS.map((api) => [api, byApi[api].url])) as MockUrls,
    servers: byApi,
    anyExited: Promise.race(MOCK_APIS.map((api) => byApi[api].exited.then((code) => ({ api, code })))),
    stop,
  };
}

/**
 * Runs `work` with a freshly started mock and always stops the mock
 * afterwards, whether `work` succeeds or throws.
 *
 * @example
 * ```ts
 * const sid = await withMock(async (urls) => createOutboundSms(clientFor(urls), routing));
 * ```
 */
export async function withMock<T>(work: (urls: MockUrls, mock: Mock) => Promise<T>, options?: MockOptions): Promise<T> {
  const mock = await startMock(options);
  try {
    return await work(mock.urls, mock);
  } finally {
    await mock.stop();
  }
}

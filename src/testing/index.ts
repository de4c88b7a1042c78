/**
 * twilio-interactions/testing: a stateful emulator of the Flex Interactions
 * and Proxy Interactions APIs, for testing contact-centre code without a
 * Twilio account. Its rules, and their sources, are in docs/emulator.md.
 *
 * @example
 * ```ts
 * import { createInteractionsClient } from "twilio-interactions";
 * import { createEmulator } from "twilio-interactions/testing";
 *
 * const emulator = createEmulator({ seed: 42 });
 * const twilio = createInteractionsClient(emulator.clientOptions);
 * ```
 *
 * @packageDocumentation
 */
export { createEmulator } from "./emulator";
export type { Emulator, EmulatorBaseUrls, EmulatorClientOptions, EmulatorServer, TaskFilter } from "./emulator";
export type { EmulatorOptions } from "./options";
export type { EmulatorApiKey, EmulatorCredentials } from "./credentials";
export type { ListenOptions } from "./listen";
export type { Duration } from "./clock";
export type { Fault } from "./faults";
export type { EmulatorEvent } from "./events";
export type { EmulatedTask, TaskStatus } from "./tasks";
export type { ProxySessionInfo, ProxySessionOptions } from "./proxy";
export type { ReceivedRequest } from "./request-log";
export type { Sid } from "./sids";
export type { WebhookDelivery } from "./webhook-delivery";

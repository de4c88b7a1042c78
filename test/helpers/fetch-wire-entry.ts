// The public API with one difference: every client sends through the global
// fetch instead of node:http. The "fetch wire" test project resolves
// "twilio-interactions" to this module, so the same behaviour suites run
// against both wires (an explicit fetch option still wins).
import { type InteractionsClientOptions, createInteractionsClient as create } from "../../src/index";

export * from "../../src/index";

/** createInteractionsClient, sending through `globalThis.fetch` unless told otherwise. */
export function createInteractionsClient(options: InteractionsClientOptions = {}) {
  return create({ fetch: (url, init) => globalThis.fetch(url, init), ...options });
}

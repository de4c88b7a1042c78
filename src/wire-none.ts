// What `#wire-node` resolves to in browser and worker bundles (package.json
// "imports"): no node:http wire, so such a bundle does not carry its code and
// the client sends through fetch, as it would there anyway.
import type { Wire } from "./wire";

/** No node:http wire in this build: the client uses fetch. */
export function nodeWire(): Wire | undefined {
  return undefined;
}

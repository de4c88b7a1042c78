// The contenders, in the order they run within each round, and where each is
// installed: twilio-node has its own install; the others run from the SDK's
// (bare openapi-fetch is bundled into the runner, as the SDK bundles it).

export const CONTENDERS = ["sdk", "sdk-resources", "twilio", "fetch", "openapi-fetch", "http"] as const;
export type Contender = (typeof CONTENDERS)[number];

/** The contender every ratio is taken against. */
export const REFERENCE: Contender = "twilio";

/** The transport floor: what a request costs with nothing on top of the wire. */
export const FLOOR: Contender = "http";

export const LABELS: Record<Contender, string> = {
  sdk: "twilio-interactions",
  "sdk-resources": "twilio-interactions resource methods",
  twilio: "twilio (twilio-node)",
  fetch: "plain fetch",
  "openapi-fetch": "bare openapi-fetch",
  http: "node:http keep-alive (floor)",
};

/** Which install directory a contender's measured process runs in. */
export const INSTALL_OF: Record<Contender, "sdk" | "twilio"> = {
  sdk: "sdk",
  "sdk-resources": "sdk",
  twilio: "twilio",
  fetch: "sdk",
  "openapi-fetch": "sdk",
  http: "sdk",
};

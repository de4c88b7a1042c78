// The package version, injected from package.json at build time (tsup and
// vitest `define`), so no copy of it is kept by hand.
declare const __SDK_VERSION__: string | undefined;

/**
 * Version of this package, as sent in the User-Agent header.
 *
 * @example
 * ```ts
 * import { VERSION } from "twilio-interactions";
 * console.log(`twilio-interactions ${VERSION}`);
 * ```
 */
export const VERSION: string = typeof __SDK_VERSION__ === "string" ? __SDK_VERSION__ : "0.0.0-dev";

/** Name of this package, as sent in the User-Agent header. */
export const PACKAGE_NAME = "twilio-interactions";

// The edge consumer: bundled by esbuild for the browser platform into one
// script, which the test evaluates in an edge-runtime sandbox and then calls
// as `smoke(config)`.
import * as sdk from "twilio-interactions";
import { scenario } from "./scenario.mjs";

globalThis.smoke = (config) => scenario(sdk, config).then((result) => JSON.stringify(result));

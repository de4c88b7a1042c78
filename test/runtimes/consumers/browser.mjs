// Headless Chromium: the page's script (bundled by esbuild) exposes the cases;
// the test calls them with the config and reads the result.
import * as sdk from "twilio-interactions";
import { cases } from "./cases.mjs";

globalThis.runCases = async (config) => JSON.stringify(await cases(sdk, config));

// Headless Chromium: the page's script (bundled by esbuild) exposes the
// suites; the test calls them with the config and reads the result.
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { runSuite } from "./suites.mjs";

globalThis.runCases = async (config) => JSON.stringify(await runSuite(sdk, testing, config));

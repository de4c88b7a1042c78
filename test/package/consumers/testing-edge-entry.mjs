// The edge consumer of twilio-interactions/testing: bundled for the browser
// platform and run in the edge-runtime sandbox, in-process only (no ports there).
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { testingScenario } from "./testing-scenario.mjs";

globalThis.smokeTesting = () =>
  testingScenario(sdk, testing, { overHttp: false }).then((result) => JSON.stringify(result));

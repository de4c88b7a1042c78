// A Node ESM consumer of twilio-interactions/testing: import resolves to the
// ESM build; the emulator runs in-process and over loopback HTTP.
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { testingScenario } from "./testing-scenario.mjs";

const result = await testingScenario(sdk, testing, { overHttp: true });
console.log(JSON.stringify({ entry: import.meta.resolve("twilio-interactions/testing"), result }));

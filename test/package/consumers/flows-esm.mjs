// A Node ESM consumer running the contact-centre flows against the emulator.
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { flowsScenario } from "./flows-scenario.mjs";

console.log(JSON.stringify(await flowsScenario(sdk, testing)));

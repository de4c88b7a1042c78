// Node and Bun, as an ES module: `import` of the installed package. The
// config comes as the first argument; the result is printed as JSON.
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { runSuite } from "./suites.mjs";

console.log(JSON.stringify(await runSuite(sdk, testing, JSON.parse(process.argv[2]))));

// A Node ESM consumer: `import` of the installed package, which must resolve
// to the ESM build. Prints the scenario's result as JSON.
import * as sdk from "twilio-interactions";
import { scenario } from "./scenario.mjs";

const result = await scenario(sdk, JSON.parse(process.env.SMOKE_CONFIG));
console.log(JSON.stringify({ entry: import.meta.resolve("twilio-interactions"), result }));

// Node and Bun, as an ES module: `import` of the installed package. The
// config comes as the first argument; the result is printed as JSON.
import * as sdk from "twilio-interactions";
import { cases } from "./cases.mjs";

console.log(JSON.stringify(await cases(sdk, JSON.parse(process.argv[2]))));

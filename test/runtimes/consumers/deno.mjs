// Deno, run as users do: `deno run --allow-net=127.0.0.1` (no --allow-env, no
// --allow-read) with the test CA given by --cert. The config is an argument,
// since reading the environment needs a permission.
import * as sdk from "twilio-interactions";
import { cases } from "./cases.mjs";

console.log(JSON.stringify(await cases(sdk, JSON.parse(Deno.args[0]))));

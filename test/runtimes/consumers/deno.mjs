// Deno, run as users do: `deno run --allow-net=127.0.0.1` (no --allow-env, no
// --allow-read) with the test CA given by --cert. The config is an argument,
// since reading the environment needs a permission.
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { runSuite } from "./suites.mjs";

console.log(JSON.stringify(await runSuite(sdk, testing, JSON.parse(Deno.args[0]))));

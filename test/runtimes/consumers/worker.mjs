// A Cloudflare module worker (bundled by esbuild, served by workerd): each
// request carries the config as JSON and gets the result back.
import * as sdk from "twilio-interactions";
import * as testing from "twilio-interactions/testing";
import { runSuite } from "./suites.mjs";

export default {
  async fetch(request) {
    return Response.json(await runSuite(sdk, testing, await request.json()));
  },
};

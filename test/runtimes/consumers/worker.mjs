// A Cloudflare module worker (bundled by esbuild, served by workerd): each
// request carries the config as JSON and gets the result back.
import * as sdk from "twilio-interactions";
import { cases } from "./cases.mjs";

export default {
  async fetch(request) {
    const result = await cases(sdk, await request.json());
    return Response.json(result);
  },
};

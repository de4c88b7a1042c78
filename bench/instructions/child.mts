// The process callgrind counts, bundled once per build of twilio-interactions
// compared (the bundler points the contenders' import at that build): it
// builds the layer's client, then runs `warm` operations and `count` more of the kind asked. The parent runs it
// twice with different counts; the difference, divided, is what one operation
// costs with start-up, loading and warm-up cancelled out.
import type { BenchClient, Load } from "../child/contender.mts";
import { load as loadPathLayer } from "../child/contenders/sdk.mts";
import { load as loadResourceLayer } from "../child/contenders/sdk-resources.mts";
import { load as loadFloor } from "../child/contenders/http.mts";

/** The SDK's path and resource layers, and the floor: raw node:http keep-alive, as the bench's http contender. */
export type Layer = "path" | "resources" | "floor";
export type Operation = "get" | "post" | "paginate";

const [layer = "path", operation = "get", origin = "", warm = "0", count = "0"] = process.argv.slice(2);

const loaders: Record<Layer, Load> = { path: loadPathLayer, resources: loadResourceLayer, floor: loadFloor };
const client: BenchClient = await loaders[layer as Layer](origin);

async function step(): Promise<void> {
  if (operation === "paginate") {
    const records = await client.paginate();
    if (records <= 0) throw new Error(`paginate saw ${records} records`);
  } else if (operation === "post") await client.post();
  else await client.get();
}

const total = Number(warm) + Number(count);
for (let i = 0; i < total; i++) await step();

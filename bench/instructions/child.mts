// The process callgrind counts, bundled once per build of twilio-interactions
// compared (the bundler points the contenders' import at that build): it
// builds the layer's client, then runs `warm` operations and `count` more of the kind asked. The parent runs it
// twice with different counts; the difference, divided, is what one operation
// costs with start-up, loading and warm-up cancelled out.
import type { BenchClient, Load } from "../child/contender.mts";
import { load as loadPathLayer } from "../child/contenders/sdk.mts";
import { load as loadResourceLayer } from "../child/contenders/sdk-resources.mts";

export type Layer = "path" | "resources";
export type Operation = "request" | "paginate";

const [layer = "path", operation = "request", origin = "", warm = "0", count = "0"] = process.argv.slice(2);

const loaders: Record<Layer, Load> = { path: loadPathLayer, resources: loadResourceLayer };
const client: BenchClient = await loaders[layer as Layer](origin);

// One "request" is a GET or a POST, alternately: the figure is their mean.
async function step(i: number): Promise<void> {
  if (operation === "paginate") {
    const records = await client.paginate();
    if (records <= 0) throw new Error(`paginate saw ${records} records`);
  } else if (i % 2 === 0) await client.get();
  else await client.post();
}

const total = Number(warm) + Number(count);
for (let i = 0; i < total; i++) await step(i);

// The measured process: runs one job for one contender and prints one JSON
// line. A fresh process per job, so that no contender inherits another's warm
// caches, JIT or heap. Bundled to plain JavaScript before the bench starts,
// so that no TypeScript loader runs in here.
import type { Answers, Job, Op, PerRequest } from "../protocol.mts";
import { RECORDS } from "../fixtures.mts";
import type { BenchClient, Load } from "./contender.mts";
import { load as fetchLoad } from "./contenders/fetch.mts";
import { load as httpLoad } from "./contenders/http.mts";
import { load as openapiFetchLoad } from "./contenders/openapi-fetch.mts";
import { load as sdkLoad } from "./contenders/sdk.mts";
import { load as sdkResourcesLoad } from "./contenders/sdk-resources.mts";
import { load as twilioLoad } from "./contenders/twilio.mts";

const LOADERS: Record<Job["contender"], Load> = {
  sdk: sdkLoad,
  "sdk-resources": sdkResourcesLoad,
  twilio: twilioLoad,
  fetch: fetchLoad,
  "openapi-fetch": openapiFetchLoad,
  http: httpLoad,
};

async function repeat(client: BenchClient, op: Op, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await client[op]();
}

async function perRequest(client: BenchClient, op: Op, requests: number): Promise<PerRequest> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await repeat(client, op, requests);
  const { user, system } = process.cpuUsage(cpu);
  return { cpuUs: (user + system) / requests, wallUs: ((performance.now() - started) * 1000) / requests };
}

async function run(job: Job): Promise<Answers[Job["mode"]]> {
  const load = LOADERS[job.contender];
  switch (job.mode) {
    case "import": {
      const started = performance.now();
      await load(job.origin);
      return { ms: performance.now() - started };
    }
    case "first": {
      await (await load(job.origin)).get();
      // performance.now() counts from the start of this process.
      return { ms: performance.now() };
    }
    case "cpu": {
      const client = await load(job.origin);
      await repeat(client, job.op, job.warmup);
      const short = await perRequest(client, job.op, job.requests);
      await repeat(client, job.op, job.steadyAfter - job.warmup - job.requests);
      const steady = await perRequest(client, job.op, job.requests);
      return { short, steady };
    }
    case "paginate": {
      const client = await load(job.origin);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const records = await client.paginate();
      const ms = performance.now() - started;
      const { user, system } = process.cpuUsage(cpu);
      if (records !== RECORDS) throw new Error(`${job.contender} saw ${records} records, not ${RECORDS}`);
      // maxRSS is in kilobytes.
      return { ms, records, peakRssMB: process.resourceUsage().maxRSS / 1024, cpuMs: (user + system) / 1000 };
    }
  }
}

const answer = await run(JSON.parse(process.argv[2] ?? "{}") as Job);
process.stdout.write(`${JSON.stringify(answer)}\n`);
// Keep-alive sockets (and undici's pool) would hold the process open for seconds.
process.exit(0);

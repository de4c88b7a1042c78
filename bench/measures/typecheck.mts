// (f) What an SDK adds to a consumer's `tsc --noEmit`: the time tsc reports
// (--extendedDiagnostics "Total time": parsing, binding and checking, without
// the half second Node takes to load TypeScript itself, which only adds noise)
// for a ten-line program that fetches an Interaction and lists its channels,
// minus the same program written against plain fetch, run by run. Each consumer
// sits in its SDK's fresh install, with the repository's TypeScript and
// @types/node, and settings a new Node project would have.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, type Workspace } from "../workspace.mts";
import { run } from "../processes.mts";
import type { Results } from "../results.mts";

const CONSUMERS = {
  none: `const headers = { authorization: \`Basic \${btoa(\`\${process.env.TWILIO_ACCOUNT_SID}:\${process.env.TWILIO_AUTH_TOKEN}\`)}\` };
const base = "https://flex-api.twilio.com/v1/Interactions";
const response = await fetch(\`\${base}/KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\`, { headers });
const interaction = (await response.json()) as { sid: string; channel: { sid: string } };
console.log(interaction.sid, interaction.channel.sid);
for (let url: string | null = \`\${base}/\${interaction.sid}/Channels\`; url; ) {
  const page = (await (await fetch(url, { headers })).json()) as { channels: { sid: string; status: string }[]; meta: { next_page_url: string | null } };
  for (const channel of page.channels) console.log(channel.sid, channel.status);
  url = page.meta.next_page_url;
}
`,
  sdk: `import { createInteractionsClient, unwrap } from "twilio-interactions";

const twilio = createInteractionsClient({ accountSid: process.env.TWILIO_ACCOUNT_SID, authToken: process.env.TWILIO_AUTH_TOKEN });
const interaction = await unwrap(
  twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: "KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } } }),
);
console.log(interaction.sid, interaction.channel.sid);
const channels = twilio.flex.paginate("/v1/Interactions/{InteractionSid}/Channels", { params: { path: { InteractionSid: interaction.sid } } });
for await (const channel of channels) console.log(channel.sid, channel.status);
`,
  twilio: `import twilio from "twilio";

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const interaction = await client.flexApi.v1.interaction("KDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").fetch();
console.log(interaction.sid, interaction.channel);
await client.flexApi.v1.interaction(interaction.sid).channels.each((channel) => {
  console.log(channel.sid, channel.status);
});
`,
};
type Consumer = keyof typeof CONSUMERS;

function writeConsumer(dir: string, name: Consumer): string {
  const file = `consumer-${name}.mts`;
  writeFileSync(join(dir, file), CONSUMERS[name]);
  const compilerOptions = {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    typeRoots: [join(REPO, "node_modules/@types")],
  };
  const config = `tsconfig-${name}.json`;
  writeFileSync(join(dir, config), JSON.stringify({ compilerOptions, files: [file] }));
  return config;
}

export async function measureTypecheck(workspace: Workspace, runs: number, results: Results): Promise<void> {
  const tsc = join(REPO, "node_modules/typescript/lib/tsc.js");
  const dirs: Record<Consumer, string> = { none: workspace.sdk, sdk: workspace.sdk, twilio: workspace.twilio };
  const configs = Object.fromEntries(
    (Object.keys(dirs) as Consumer[]).map((name) => [name, writeConsumer(dirs[name], name)]),
  ) as Record<Consumer, string>;
  const typecheck = async (name: Consumer) => {
    const args = [tsc, "-p", configs[name], "--extendedDiagnostics"];
    const { stdout, ms } = await run(process.execPath, args, { cwd: dirs[name], timeoutMs: 120_000 });
    const seconds = Number(/^Total time:\s+([\d.]+)s$/m.exec(stdout)?.[1]);
    if (!Number.isFinite(seconds)) throw new Error(`tsc did not report its total time:\n${stdout}`);
    return { tscMs: seconds * 1000, wallMs: ms };
  };
  for (let round = 0; round < runs; round++) {
    const baseline = await typecheck("none");
    for (const name of ["sdk", "twilio"] as const) {
      const { tscMs, wallMs } = await typecheck(name);
      results.add("typecheck.ms", name, tscMs - baseline.tscMs);
      results.add("typecheck.wallMs", name, wallMs - baseline.wallMs);
    }
    results.add("typecheck.baseline", "none", baseline.tscMs);
  }
}

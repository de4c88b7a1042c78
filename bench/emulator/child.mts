// The emulator's side of the bench, in a process of its own:
//   serve      the emulator over loopback HTTP; sends { flex, authorization, interactionSid } to the parent,
//              and answers a "memory" message with { rssMB, heapMB } after a GC
//   floor      node:http answering the emulator's own answers to the same calls, byte for byte, with no
//              emulator work: what "serve" would reach if the emulator cost nothing
//   inprocess  the measure's calls through emulator.fetch; prints { rps }
//   memory     N interactions created in-process (and set up); prints { rssMB, heapMB } after a GC
import { createEmulator } from "twilio-interactions/testing";
import { CREATE_BODY, load } from "./calls.mts";

const [mode, total = "0", concurrency = "16"] = process.argv.slice(2);
// No request log: a long run should measure the emulator, not its inspection buffer.
const emulator = createEmulator({ seed: 1, requestLogLimit: 0 });
const { accountSid, authToken } = emulator.credentials;
const authorization = `Basic ${btoa(`${accountSid}:${authToken}`)}`;
const createInit = {
  method: "POST",
  headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
  body: CREATE_BODY,
};

async function create(): Promise<string> {
  const response = await emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions`, createInit);
  if (response.status !== 200) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { sid: string }).sid;
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMB: rss / 2 ** 20, heapMB: heapUsed / 2 ** 20 };
}

if (mode === "serve") {
  const interactionSid = await create();
  const server = await emulator.listen();
  process.send!({ flex: server.baseUrls.flex, authorization, interactionSid });
  process.on("message", () => process.send!(memory()));
  process.on("disconnect", () => void server.close());
} else if (mode === "floor") {
  const created = await emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions`, createInit);
  const createAnswer = await created.text();
  const interactionSid = (JSON.parse(createAnswer) as { sid: string }).sid;
  const fetched = await emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions/${interactionSid}`, {
    headers: { authorization },
  });
  const fetchAnswer = await fetched.text();
  const headers = Object.fromEntries(fetched.headers);
  // The emulator's server declares each answer's length, as here.
  const head = (body: string) => ({ ...headers, "content-length": String(Buffer.byteLength(body)) });
  const createHead = head(createAnswer);
  const fetchHead = head(fetchAnswer);
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const create = req.method === "POST";
      res.writeHead(200, create ? createHead : fetchHead);
      res.end(create ? createAnswer : fetchAnswer);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as { port: number };
    process.send!({ flex: `http://127.0.0.1:${port}`, authorization, interactionSid });
  });
  process.on("disconnect", () => void server.close());
} else if (mode === "inprocess") {
  const interactionSid = await create();
  const fetchUrl = `${emulator.baseUrls.flex}/v1/Interactions/${interactionSid}`;
  const fetchInit = { headers: { authorization } };
  const send = async (n: number) => {
    const response = await emulator.fetch(
      n % 2 ? `${emulator.baseUrls.flex}/v1/Interactions` : fetchUrl,
      n % 2 ? createInit : fetchInit,
    );
    await response.text();
    return response.status;
  };
  await load(send, Number(total) / 10, Number(concurrency)); // warm-up
  console.log(JSON.stringify({ rps: await load(send, Number(total), Number(concurrency)) }));
} else if (mode === "memory") {
  const count = Number(total);
  for (let i = 0; i < count; i++) await create();
  emulator.advance({ seconds: 1 }); // the last channel's setup too
  console.log(JSON.stringify(memory()));
} else {
  throw new Error(`child.mts: unknown mode ${mode}`);
}

// Requests that fetch cannot send (`GET //`, bad percent-encoding, absolute-
// form and `*` targets, odd methods, malformed HTTP, bodies cut off on
// purpose) written byte by byte to the emulator's socket, and the answer read
// back. Every request asks for `Connection: close`, so the answer ends with
// the connection.
import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body, de-chunked. */
  body: string;
}

function parse(text: string): RawAnswer {
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) throw new Error(`No HTTP answer, only ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine, ...lines] = text.slice(0, split).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(split + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let decoded = "";
    for (let at = 0; ;) {
      const eol = body.indexOf("\r\n", at);
      const size = parseInt(body.slice(at, eol), 16);
      if (!size) break;
      decoded += body.slice(eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
    body = decoded;
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, body };
}

/**
 * Sends `head` (request line and headers, without the blank line; a Host
 * header of the origin is added unless it has one) and `body`, and reads the
 * whole answer.
 */
export function rawRequest(origin: string, head: string, body = ""): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve(parse(Buffer.from(text, "latin1").toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
    const host = /\r\nhost:/i.test(head) ? "" : `\r\nHost: ${hostname}:${port}`;
    socket.end(`${head}${host}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/**
 * Sends the head, then body bytes a chunk at a time until the server answers,
 * never ending the request: resolves with the answer and how many body bytes
 * were written before it came.
 */
export function rawUpload(origin: string, head: string, chunkBytes: number): Promise<RawAnswer & { sent: number }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    let sent = 0;
    let answered = false;
    const chunk = Buffer.concat([
      Buffer.from(`${chunkBytes.toString(16)}\r\n`),
      Buffer.alloc(chunkBytes, "a"),
      Buffer.from("\r\n"),
    ]);
    socket.setEncoding("latin1");
    socket.on("data", (data: string) => {
      text += data;
      answered = true;
    });
    // Writing stops once the answer starts: what the server read before answering is at most `sent`.
    const pump = () => {
      while (!answered && !socket.destroyed) {
        sent += chunkBytes;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    socket.on("error", () => undefined);
    socket.on("close", () => {
      try {
        resolve({ ...parse(Buffer.from(text, "latin1").toString("utf8")), sent });
      } catch (error) {
        reject(error);
      }
    });
    socket.write(`${head}\r\nHost: ${hostname}:${port}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    pump();
  });
}

// Reads a request's body up to `maxBodyBytes` and no further. A
// `Content-Length` over the cap is refused before a byte is read; a body that
// grows past it while being read is left unread from there on. Anyone can POST
// to a webhook URL, and Twilio's events are small.
import { TwilioConfigError } from "../errors";
import { EventTooLargeError, MalformedEventError } from "./errors";

/**
 * 64 KiB. Each of the seven interaction events is a few SIDs and short strings
 * (under 1 KiB signed and form-encoded); Twilio may add parameters, so this
 * leaves more than 60 times that. A refused request then costs at most this
 * much memory and one linear pass.
 */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const encoder = new TextEncoder();

/** The cap from the options: a whole number of bytes, 64 KiB when not given. */
export function maxBodyBytesOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TwilioConfigError(`maxBodyBytes must be a whole number of bytes, 0 or more; got ${String(value)}.`);
  }
  return value;
}

/** Refuses a body whose `Content-Length` is over the cap, before reading any of it. */
export function checkContentLength(declared: string | null | undefined, max: number): void {
  if (declared !== null && declared !== undefined && /^\s*\d+\s*$/.test(declared) && Number(declared) > max) {
    throw new EventTooLargeError(max);
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return encoder.encode(chunk);
  throw new TwilioConfigError("The request's body stream gave something other than bytes or text.");
}

/**
 * Reads chunks until the end or until they pass `max`. Over the cap, `stop`
 * is called and nothing more is read.
 */
async function readChunks(
  next: () => Promise<IteratorResult<unknown>>,
  stop: () => void,
  max: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await next().catch(() => {
      throw new MalformedEventError("body", "The event's body could not be read to its end: the sender broke off.");
    });
    if (done) return concat(chunks, size);
    const chunk = bytesOf(value);
    size += chunk.byteLength;
    if (size > max) {
      stop();
      throw new EventTooLargeError(max);
    }
    chunks.push(chunk);
  }
}

/** A web-standard body stream (`request.body`), cancelled once it passes the cap. */
export async function readWebBody(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  return readChunks(
    () => reader.read(),
    () => void reader.cancel().catch(() => undefined),
    max,
  );
}

/**
 * A Node `IncomingMessage` (or any async iterable of chunks). Over the cap
 * the iterator is dropped, not returned: returning it would destroy Node's
 * socket before the handler could answer 413.
 */
export async function readNodeBody(message: AsyncIterable<unknown>, max: number): Promise<Uint8Array> {
  const iterator = message[Symbol.asyncIterator]();
  return readChunks(
    () => iterator.next(),
    () => undefined,
    max,
  );
}

/** A body the caller has already read, checked against the cap before it is decoded. */
export function rawBody(body: string | Uint8Array, max: number): Uint8Array {
  // UTF-8 takes at least one byte per UTF-16 unit, so a string this long is over the cap unencoded.
  if (typeof body === "string" && body.length > max) throw new EventTooLargeError(max);
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  if (bytes.byteLength > max) throw new EventTooLargeError(max);
  return bytes;
}

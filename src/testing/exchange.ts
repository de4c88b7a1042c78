// The emulator's own request and response records: plain objects, so the
// in-process fetch and the HTTP server share one handler without building
// Request or Response objects they do not need.

/** A request as the emulator sees it. Header names are lower case. */
export interface EmulatorRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text; only what was read of it when it is over the size cap. */
  readonly body: string;
  /** The body's size in bytes: as read, or as its Content-Length declared when it was refused unread. */
  readonly bodyBytes: number;
}

/** An answer, or a scripted fault that drops the connection instead. */
export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or `""` for a 204. */
  body: string;
  /** Close the connection without answering (a scripted fault). */
  drop?: boolean;
}

/** Thrown by handlers to answer with a Twilio error body. */
export class TwilioFault extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON error body Twilio sends: `{ code, message, more_info, status }`. */
export function errorBody(status: number, code: number, message: string): string {
  return JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** 404 with Twilio's code 20404. */
export function notFound(what: string): TwilioFault {
  return new TwilioFault(404, 20404, `The requested resource ${what} was not found`);
}

/**
 * 400 with Twilio's 80906, its documented code for a duplicate completion: closing what is already
 * closed, or wrapping up an agent already in wrap-up.
 */
export function alreadyDone(message: string): TwilioFault {
  return new TwilioFault(400, 80906, message);
}

/**
 * 400 with the generic validation code 20001, which our spec's own
 * BadRequest example uses; Twilio documents no specific code for these rules.
 */
export function invalid(message: string): TwilioFault {
  return new TwilioFault(400, 20001, message);
}

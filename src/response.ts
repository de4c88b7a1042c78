// Turns the text of a response into what the caller gets: parsed JSON data
// for a 2xx, a Twilio error body for anything else. A 2xx that is not the JSON
// the spec promises is a TwilioResponseError; an error response that is not a
// Twilio error body (an HTML 502 page, say) becomes one that says so.
import { type TwilioErrorBody, TwilioResponseError, apiErrorFrom, credentialOf } from "./errors";

/** What an openapi-fetch call returns. */
export interface FetchResult<Data = unknown, Error = unknown> {
  data?: Data;
  error?: Error;
  response: Response;
}

function describeBody(response: Response, text: string): string {
  const type = response.headers.get("content-type");
  return `${text.length} characters${type ? ` of ${type.split(";")[0]}` : " without a Content-Type"}`;
}

function isErrorBody(value: unknown): value is TwilioErrorBody {
  const body = value as TwilioErrorBody;
  return typeof value === "object" && value !== null && typeof body.message === "string";
}

/**
 * The error body of a non-2xx response, from its raw text or from the JSON
 * openapi-fetch already parsed; reconstructed when Twilio's JSON is missing.
 */
export function errorBody(response: Response, raw: unknown): TwilioErrorBody {
  const text = typeof raw === "string" ? raw : undefined;
  let parsed: unknown = raw;
  let json = text === undefined && raw !== undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
      json = true;
    } catch {
      parsed = undefined;
    }
  }
  // The HTTP status is authoritative; the body only mirrors it.
  if (isErrorBody(parsed)) return { ...parsed, status: response.status };
  const reason = response.statusText || `HTTP ${response.status}`;
  const what = json
    ? "a JSON body that is not a Twilio error"
    : text
      ? `a body that is not a Twilio error (${describeBody(response, text)})`
      : "an empty body";
  return { status: response.status, message: `${reason}: the server answered with ${what}.` };
}

/**
 * Parses the body of a 2xx response; throws TwilioResponseError when it is
 * not JSON, or is empty although the operation's spec promises a body.
 * `response` is called only to describe a failure.
 */
export function successData(
  text: string | undefined,
  what: string,
  noContent: boolean,
  response: () => Response,
): unknown {
  if (!text) {
    if (noContent) return undefined;
    const { status, headers } = response();
    throw new TwilioResponseError(
      status,
      headers.get("content-type") ?? undefined,
      `${what} answered ${status} with an empty body instead of JSON.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    const { status, headers } = response();
    throw new TwilioResponseError(
      status,
      headers.get("content-type") ?? undefined,
      `${what} answered ${status} with a body that is not valid JSON (${describeBody(response(), text)}); ` +
        "it may be truncated or come from a proxy. The request may have taken effect.",
    );
  }
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const BUILD = Symbol("build response");
type Lazy = { [BUILD]: () => Response };
// One getter and setter for every lazy object, so that V8 gives them all one shape.
const RESPONSE_PROPERTY: PropertyDescriptor = {
  get(this: Lazy) {
    return this[BUILD]();
  },
  set(value: unknown) {
    Object.defineProperty(this, "response", { value, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};
// Printed as the plain object it stands for (util.inspect would show "[Getter/Setter]").
const INSPECT_PROPERTY: PropertyDescriptor = {
  value(this: object) {
    return { ...this };
  },
};

/**
 * Gives `target` a `response` property that behaves as a plain one holding
 * the Response (enumerable, assignable, printed, spread and compared as such)
 * but calls `build` (which must return the same object every time) only when
 * read: most calls never touch it, and a web Response costs more to build
 * than the rest of what the SDK does per request.
 */
export function withLazyResponse<T extends object>(target: T, build: () => Response): T & { response: Response } {
  Object.defineProperty(target, BUILD, { value: build });
  Object.defineProperty(target, "response", RESPONSE_PROPERTY);
  Object.defineProperty(target, INSPECT, INSPECT_PROPERTY);
  return target as T & { response: Response };
}

/**
 * Returns the data of a call, or throws the {@link TwilioApiError} subclass
 * that matches its error. Accepts the call's promise or its awaited result.
 *
 * @example
 * ```ts
 * const interaction = await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid } } }));
 * console.log(interaction.channel.sid);
 * ```
 */
export async function unwrap<Data>(result: FetchResult<Data> | Promise<FetchResult<Data>>): Promise<Data> {
  const { data, error, response } = await result;
  if (error !== undefined || !response.ok) {
    const body = isErrorBody(error) ? error : errorBody(response, undefined);
    throw apiErrorFrom(body, response.headers, credentialOf(response));
  }
  return data as Data;
}

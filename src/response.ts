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
 */
export function successData(response: Response, text: string | undefined, what: string, noContent: boolean): unknown {
  const contentType = response.headers.get("content-type") ?? undefined;
  if (!text) {
    if (noContent) return undefined;
    throw new TwilioResponseError(
      response.status,
      contentType,
      `${what} answered ${response.status} with an empty body instead of JSON.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TwilioResponseError(
      response.status,
      contentType,
      `${what} answered ${response.status} with a body that is not valid JSON (${describeBody(response, text)}); ` +
        "it may be truncated or come from a proxy. The request may have taken effect.",
    );
  }
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

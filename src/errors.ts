import type { TwilioError as TwilioErrorSchema } from "../generated/shared";

/**
 * Every error the SDK throws. Catch this to handle anything that went wrong
 * with a Twilio call; narrow with `instanceof` on the subclasses.
 *
 * No error ever carries a credential: not in its message, stack, properties,
 * `util.inspect` output or `JSON.stringify` form.
 *
 * @example
 * ```ts
 * try { await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid } } })); }
 * catch (err) { if (err instanceof TwilioError) console.error(err.message); else throw err; }
 * ```
 */
export class TwilioError extends Error {
  override name = "TwilioError";

  /** The fields worth logging; never includes credentials. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/**
 * The client options are unusable: missing or malformed credentials, an
 * unknown region, a base URL that would send credentials in clear text.
 * Thrown by `createInteractionsClient` before any request.
 *
 * @example
 * ```ts
 * createInteractionsClient({ accountSid: "AC123", authToken: "x" }); // throws TwilioConfigError: accountSid …
 * ```
 */
export class TwilioConfigError extends TwilioError {
  override name = "TwilioConfigError";
}

/**
 * A request was refused before it was sent because an argument is invalid
 * (for example `PageSize: 5000`). Nothing reached the network.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof TwilioValidationError) console.error(err.parameter, err.message); }
 * ```
 */
export class TwilioValidationError extends TwilioError {
  override name = "TwilioValidationError";
  /** Name of the offending parameter, for example `PageSize`. */
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), parameter: this.parameter };
  }
}

/**
 * A SID does not have the expected prefix or shape. Thrown by `asSid`, and by
 * every client call whose path parameter is not a valid SID (nothing is sent).
 *
 * @example
 * ```ts
 * asSid("KD", "UOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // InvalidSidError: SID must be a KD… SID …, got a UO… SID
 * ```
 */
export class InvalidSidError extends TwilioValidationError {
  override name = "InvalidSidError";
  /** The two-letter prefix that was expected, for example `KD`. */
  readonly expectedPrefix: string;

  constructor(expectedPrefix: string, value: unknown, parameter = "SID") {
    super(
      parameter,
      `${parameter} must be a ${expectedPrefix}… SID (${expectedPrefix} followed by 32 hexadecimal digits), ` +
        `but got ${describeNonSid(value)}.`,
    );
    this.expectedPrefix = expectedPrefix;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), expectedPrefix: this.expectedPrefix };
  }
}

// Says what is wrong with a would-be SID without echoing it: a secret pasted
// into the wrong field must not end up in a log.
export function describeNonSid(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value !== "string") return `a ${typeof value}`;
  if (value.length === 0) return "an empty string";
  const prefix = value.slice(0, 2);
  const printable = /^[A-Za-z]{2}$/.test(prefix);
  if (value.length === 34 && printable && /^[0-9a-fA-F]{32}$/.test(value.slice(2))) {
    return `a ${prefix}… SID`;
  }
  if (/\s/.test(value)) return `a ${value.length}-character string containing whitespace`;
  const start = printable ? ` starting with "${prefix}"` : "";
  if (value.length !== 34) return `a ${value.length}-character string${start} (a SID has 34)`;
  return `a 34-character string${start} with characters that are not hexadecimal digits`;
}

/**
 * The Twilio error body, as `spec/shared/errors.yaml` describes it: `status`
 * and `message` always, usually `code` and `more_info`.
 *
 * @example
 * ```ts
 * const { error } = await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid } } });
 * if (error) console.error(error.code, error.message);
 * ```
 */
export type TwilioErrorBody = TwilioErrorSchema;

// How much of a server-sent value toJSON copies: enough for any real Twilio
// `details`, few enough that JSON.stringify(err) cannot overflow the stack.
const MAX_DEPTH = 8;
const MAX_ENTRIES = 100;
const TRUNCATED = "[truncated]";

function bounded(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null) return typeof value === "bigint" ? String(value) : value;
  if (depth >= MAX_DEPTH) return TRUNCATED;
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ENTRIES).map((item) => bounded(item, depth + 1));
    if (value.length > MAX_ENTRIES) items.push(TRUNCATED);
    return items;
  }
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const key of keys.slice(0, MAX_ENTRIES)) copy[key] = bounded((value as Record<string, unknown>)[key], depth + 1);
  if (keys.length > MAX_ENTRIES) copy[TRUNCATED] = keys.length - MAX_ENTRIES;
  return copy;
}

/**
 * Twilio answered with a non-2xx status. Carries the Twilio error body, the
 * request ID to quote to Twilio support, and the response headers. Subclasses
 * tell the common statuses apart: {@link BadRequestError} (400),
 * {@link AuthenticationError} (401), {@link PermissionDeniedError} (403),
 * {@link NotFoundError} (404), {@link ConflictError} (409),
 * {@link UnprocessableEntityError} (422), {@link RateLimitError} (429) and
 * {@link InternalServerError} (5xx).
 *
 * @example
 * ```ts
 * try { await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid } } })); }
 * catch (err) {
 *   if (err instanceof NotFoundError) return null;
 *   if (err instanceof TwilioApiError) console.error(err.status, err.code, err.requestId);
 *   throw err;
 * }
 * ```
 */
export class TwilioApiError extends TwilioError {
  override name = "TwilioApiError";
  /** HTTP status of the response. */
  readonly status: number;
  /** Twilio error code (for example 20404), when Twilio sent one. */
  readonly code: number | undefined;
  /** Link to the error code's documentation, when Twilio sent one. */
  readonly moreInfo: string | undefined;
  /** Extra context some errors carry. */
  readonly details: Record<string, unknown> | undefined;
  /** Value of the `Twilio-Request-Id` response header; quote it to Twilio support. */
  readonly requestId: string | undefined;
  /** Headers of the error response. */
  readonly headers: Headers;
  /** The error body as Twilio sent it (or as the SDK reconstructed it from a non-JSON body). */
  readonly body: TwilioErrorBody;

  /**
   * @param credential For a 401: which credential the request carried and what to check, in a
   * sentence (never the secret). The message says it between Twilio's text and the link.
   */
  constructor(body: TwilioErrorBody, headers: Headers, credential?: string) {
    const code = typeof body.code === "number" ? body.code : undefined;
    const moreInfo = typeof body.more_info === "string" ? body.more_info : undefined;
    super(
      `Twilio answered ${body.status}${code === undefined ? "" : ` (error ${code})`}: ${sentence(body.message)}` +
        (credential && body.status === 401 ? ` ${credential}` : "") +
        (moreInfo ? ` See ${moreInfo}` : ""),
    );
    this.status = body.status;
    this.code = code;
    this.moreInfo = moreInfo;
    this.details = body.details;
    this.requestId = headers.get("twilio-request-id") ?? undefined;
    this.headers = headers;
    this.body = body;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      code: this.code,
      moreInfo: this.moreInfo,
      // Copied to a bounded depth and width: the server decides what `details` holds.
      details: bounded(this.details),
      requestId: this.requestId,
    };
  }
}

// Twilio's messages often lack a final stop ("Authenticate"); the link that follows must not read as part of them.
function sentence(text: unknown): string {
  const trimmed = String(text ?? "").trim();
  return /[.!?]$/.test(trimmed) || trimmed === "" ? trimmed : `${trimmed}.`;
}

/** 400: a parameter is missing or invalid. @example `if (err instanceof BadRequestError) console.error(err.message)` */
export class BadRequestError extends TwilioApiError {
  override name = "BadRequestError";
}
/** 401: credentials are missing or wrong (Twilio error 20003). @example `if (err instanceof AuthenticationError) rotateKey()` */
export class AuthenticationError extends TwilioApiError {
  override name = "AuthenticationError";
}
/** 403: the credentials may not do this. @example `if (err instanceof PermissionDeniedError) console.error("key lacks access")` */
export class PermissionDeniedError extends TwilioApiError {
  override name = "PermissionDeniedError";
}
/** 404: no resource has this SID (Twilio error 20404). @example `if (err instanceof NotFoundError) return null` */
export class NotFoundError extends TwilioApiError {
  override name = "NotFoundError";
}
/** 409: the resource is in a state that conflicts with the request. @example `if (err instanceof ConflictError) await refetch()` */
export class ConflictError extends TwilioApiError {
  override name = "ConflictError";
}
/** 422: the request is well-formed but cannot be processed. @example `if (err instanceof UnprocessableEntityError) console.error(err.details)` */
export class UnprocessableEntityError extends TwilioApiError {
  override name = "UnprocessableEntityError";
}
/** 429: too many concurrent requests (Twilio error 20429); already retried `maxRetries` times. @example `if (err instanceof RateLimitError) await sleep(1000)` */
export class RateLimitError extends TwilioApiError {
  override name = "RateLimitError";
}
/** 5xx: Twilio failed to process the request. @example `if (err instanceof InternalServerError) console.error(err.requestId)` */
export class InternalServerError extends TwilioApiError {
  override name = "InternalServerError";
}

const BY_STATUS: Record<number, typeof TwilioApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Builds the {@link TwilioApiError} subclass that matches the status of an
 * error body.
 *
 * @example
 * ```ts
 * const err = apiErrorFrom({ status: 404, message: "Not found" }, response.headers); // NotFoundError
 * ```
 */
export function apiErrorFrom(body: TwilioErrorBody, headers: Headers, credential?: string): TwilioApiError {
  const ErrorClass = BY_STATUS[body.status] ?? (body.status >= 500 ? InternalServerError : TwilioApiError);
  return new ErrorClass(body, headers, credential);
}

// What each client's 401 answers carried, so an error built from a bare result (`unwrap`) can say it.
const CREDENTIALS = new WeakMap<Response, string>();

/** Remembers, for a 401 answer, the sentence that says which credential the request carried. */
export function noteCredential(response: Response, credential: string): void {
  if (response.status === 401) CREDENTIALS.set(response, credential);
}

/** The sentence {@link noteCredential} remembered for this answer, if any. */
export function credentialOf(response: Response): string | undefined {
  return CREDENTIALS.get(response);
}

/**
 * The request did not complete: DNS failure, refused or reset connection, or
 * the response body broke off. `cause` holds the runtime's original error.
 *
 * @example
 * ```ts
 * if (err instanceof TwilioConnectionError && !(err instanceof TwilioTimeoutError)) alertNetworkTeam(err);
 * ```
 */
export class TwilioConnectionError extends TwilioError {
  override name = "TwilioConnectionError";
}

/**
 * An attempt took longer than `timeoutMs` (per attempt, retries included in
 * `maxRetries`).
 *
 * @example
 * ```ts
 * if (err instanceof TwilioTimeoutError) console.error("Twilio is slow:", err.message);
 * ```
 */
export class TwilioTimeoutError extends TwilioConnectionError {
  override name = "TwilioTimeoutError";
}

/**
 * The caller's `AbortSignal` fired. `cause` holds the signal's reason.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 100);
 * try { await twilio.flex.GET(path, { params, signal: controller.signal }); }
 * catch (err) { if (err instanceof TwilioAbortError) return; throw err; }
 * ```
 */
export class TwilioAbortError extends TwilioError {
  override name = "TwilioAbortError";
}

/**
 * A response could not be understood: a 2xx whose body is empty, truncated
 * or not JSON. The request may have taken effect.
 *
 * @example
 * ```ts
 * if (err instanceof TwilioResponseError) console.error(err.status, err.contentType);
 * ```
 */
export class TwilioResponseError extends TwilioError {
  override name = "TwilioResponseError";
  /** HTTP status of the response. */
  readonly status: number;
  /** `Content-Type` of the response, if any. */
  readonly contentType: string | undefined;

  constructor(status: number, contentType: string | undefined, message: string) {
    super(message);
    this.status = status;
    this.contentType = contentType;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, contentType: this.contentType };
  }
}

/**
 * Paging stopped because the server sent something unsafe or inconsistent: a
 * `next_page_url` on another origin (nothing is sent there), a repeated next
 * URL, or a page without `meta`.
 *
 * @example
 * ```ts
 * if (err instanceof TwilioPaginationError) console.error("paging stopped:", err.message);
 * ```
 */
export class TwilioPaginationError extends TwilioError {
  override name = "TwilioPaginationError";
}

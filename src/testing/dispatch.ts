// One request through the emulator: authentication, routing, scripted
// faults, validation against the spec, the operation's handler, and the
// answer with Twilio's headers and error bodies. Shared by the in-process
// fetch and the HTTP server; it always answers.
import { flexSchemas } from "../../generated/flex-schemas";
import { proxySchemas } from "../../generated/proxy-schemas";
import type { Clock } from "./clock";
import { type CredentialSet, authenticate } from "./credentials";
import { type EmulatorRequest, type EmulatorResponse, TwilioFault, errorBody } from "./exchange";
import type { FaultScript } from "./faults";
import type { Handler } from "./handler";
import type { Responder } from "./http-exchange";
import type { Journal } from "./journal";
import { SchemaValidator } from "./json-schema";
import { JsonText } from "./json-text";
import {
  LOGGED_BODY_CHARS,
  LOGGED_HEADERS_CHARS,
  LOGGED_URL_CHARS,
  MAX_JSON_DEPTH,
  clip,
  nestedDeeperThan,
  prefixOf,
} from "./limits";
import { checkRequest } from "./request-check";
import type { ReceivedRequest, RequestLog } from "./request-log";
import { type ApiName, type Route, Router } from "./router";
import type { SidFactory } from "./sids";

export const API_SCHEMAS = { flex: flexSchemas, proxy: proxySchemas } as const;
const router = new Router(API_SCHEMAS);
const validators = { flex: new SchemaValidator(flexSchemas.schemas), proxy: new SchemaValidator(proxySchemas.schemas) };

/** Every operationId the emulator serves. */
export const OPERATION_IDS: ReadonlySet<string> = new Set(
  Object.values(API_SCHEMAS).flatMap((api) => Object.keys(api.operations)),
);

export interface DispatchState {
  readonly clock: Clock;
  readonly credentials: CredentialSet;
  readonly requestIds: SidFactory;
  readonly faults: FaultScript;
  readonly log: RequestLog;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** Makes each request all-or-nothing. */
  readonly journal: Journal;
  /** Bodies larger than this are answered 413. */
  readonly maxBodyBytes: number;
  /** Brings time-driven state (channel setup) up to `now` before a handler reads it. */
  readonly settle: (now: number) => void;
}

const STATUS_TEXT: Record<number, string> = {
  401: "Authenticate",
  404: "The requested resource was not found",
  405: "Method not allowed",
  413: "Request body too large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

// Twilio's code for an internal error.
const INTERNAL_ERROR = 20500;

const jsonHeaders = (requestId: string): Record<string, string> => ({
  "content-type": "application/json; charset=utf-8",
  "twilio-request-id": requestId,
});

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// The body decoded for the log: only when it is kept whole, and JSON only when it nests no deeper than a request may.
function decodedParams(request: EmulatorRequest, body: string): Record<string, unknown> | null {
  if (!body || body !== request.body) return null;
  if ((request.headers["content-type"] ?? "").startsWith("application/json")) {
    if (nestedDeeperThan(body, MAX_JSON_DEPTH)) return null;
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const form: Record<string, string> = {};
  new URLSearchParams(body).forEach((value, name) => (form[name] ??= value));
  return form;
}

/** What the request log keeps of a request: bounded copies, whatever was sent. */
function logged(request: EmulatorRequest, whole: boolean) {
  const { headers } = request;
  const kept: Record<string, string> = {};
  let room = LOGGED_HEADERS_CHARS;
  for (const name in headers) {
    // The credential is logged as which one it was (`credential`), never as sent.
    if (name === "authorization") continue;
    if (name.length >= room) break;
    const value = prefixOf(headers[name]!, room - name.length);
    kept[name] = value;
    room -= name.length + value.length;
  }
  const body = prefixOf(request.body, LOGGED_BODY_CHARS);
  const params = whole ? decodedParams(request, body) : null;
  return { url: prefixOf(request.url.href, LOGGED_URL_CHARS), headers: kept, body, params };
}

/**
 * The caller's abort signal, asked for only when a scripted delay needs it:
 * the HTTP listener makes one per request only then.
 */
export type Abort = () => AbortSignal | undefined;

/**
 * Answers one request. `api` is the API the origin belongs to, or `null`
 * when one origin serves both (their paths do not overlap). The answer comes
 * at once, or as a promise when a scripted delay makes it wait. It is always
 * an answer: a fault inside the emulator is a 500 with Twilio's error body
 * (and one line on the console), never a throw or a rejection; only the
 * caller's own abort during a scripted delay rejects, as fetch does.
 */
export function dispatch(
  state: DispatchState,
  request: EmulatorRequest,
  api: ApiName | null,
  signal?: Abort,
): EmulatorResponse | Promise<EmulatorResponse> {
  const requestId = state.requestIds.sid("RQ");
  try {
    const answer = exchange(state, request, api, signal, requestId);
    if (!(answer instanceof Promise)) return answer;
    return answer.catch((error: unknown) => {
      const aborted = signal?.();
      if (aborted?.aborted && error === aborted.reason) throw error;
      return jsonAnswer(requestId, 500, internalError(request, requestId, error));
    });
  } catch (error) {
    // Nothing has waited yet, so no abort can be the cause.
    return jsonAnswer(requestId, 500, internalError(request, requestId, error));
  }
}

/** How the HTTP listener answers: through {@link dispatch}, and with Twilio's error body when it cannot. */
export function responder(state: DispatchState): Responder {
  const id = () => state.requestIds.sid("RQ");
  return {
    respond: (request, signal) => dispatch(state, request, null, signal),
    refuse: (status, code, message) => errorAnswer(id(), status, code, message),
    fault: (request, error) => {
      const requestId = id();
      return jsonAnswer(requestId, 500, internalError(request, requestId, error));
    },
    maxBodyBytes: state.maxBodyBytes,
  };
}

/**
 * The Twilio error body of a fault inside the emulator, after one line on
 * the console saying what failed on which request.
 */
export function internalError(request: { method: string; url: URL }, requestId: string, error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = error instanceof Error ? (error.stack?.split("\n").find((line) => /^\s+at /.test(line)) ?? "") : "";
  console.error(
    `twilio-interactions/testing: the emulator failed on ${clip(request.method)} ${clip(request.url.pathname)} (${requestId}): ${clip(what, 500)} ${where.trim()}`.trimEnd(),
  );
  return errorBody(500, INTERNAL_ERROR, `The emulator failed (${requestId}); the request changed nothing`);
}

// An answer with a JSON body (none for a 204), and Twilio's error answer.
const jsonAnswer = (requestId: string, status: number, body: string): EmulatorResponse => ({
  status,
  headers: body ? jsonHeaders(requestId) : { "twilio-request-id": requestId },
  body,
});
const errorAnswer = (requestId: string, status: number, code: number, message: string) =>
  jsonAnswer(requestId, status, errorBody(status, code, message));

type Received = Omit<ReceivedRequest, "status"> | null;

function logAnswer(state: DispatchState, received: Received, response: EmulatorResponse): EmulatorResponse {
  if (received) state.log.add({ ...received, status: response.drop ? null : response.status });
  return response;
}

function exchange(
  state: DispatchState,
  request: EmulatorRequest,
  api: ApiName | null,
  signal: Abort | undefined,
  requestId: string,
): EmulatorResponse | Promise<EmulatorResponse> {
  const credential = authenticate(request.headers.authorization, state.credentials);
  const route = router.match(api, request.method, request.url.pathname);
  const operation = "operationId" in route ? route.operationId : null;
  // Made before anything changes: once a request has been applied, logging it cannot fail.
  const received: Received = state.log.keeps
    ? {
        method: request.method,
        ...logged(request, request.bodyBytes <= state.maxBodyBytes),
        api: route.api,
        operation,
        bodyBytes: request.bodyBytes,
        credential,
        requestId,
        at: new Date(state.clock.now()).toISOString(),
      }
    : null;

  if (request.bodyBytes > state.maxBodyBytes) {
    // Answered before the rest is read: a body this large is refused whoever sends it.
    return logAnswer(
      state,
      received,
      errorAnswer(
        requestId,
        413,
        20413,
        `${STATUS_TEXT[413]}: the emulator takes at most ${state.maxBodyBytes} bytes (createEmulator's maxBodyBytes option)`,
      ),
    );
  }
  if (credential === null) {
    const response = errorAnswer(requestId, 401, 20003, STATUS_TEXT[401]!);
    response.headers["www-authenticate"] = 'Basic realm="Twilio API"';
    return logAnswer(state, received, response);
  }
  if (!("operationId" in route)) {
    return logAnswer(
      state,
      received,
      errorAnswer(
        requestId,
        route.status,
        route.status === 404 ? 20404 : 20405,
        `${STATUS_TEXT[route.status]}: ${clip(request.method)} ${clip(request.url.pathname)}`,
      ),
    );
  }
  const fault = state.faults.take(route.operationId);
  if (!fault) return logAnswer(state, received, answer(state, route, request, requestId));
  const finish = (): EmulatorResponse => {
    if (fault.drop) return logAnswer(state, received, { status: 0, headers: {}, body: "", drop: true });
    if (!fault.status) return logAnswer(state, received, answer(state, route, request, requestId));
    const response =
      fault.status === 429
        ? errorAnswer(requestId, 429, 20429, STATUS_TEXT[429]!)
        : jsonAnswer(
            requestId,
            fault.status,
            JSON.stringify({ message: STATUS_TEXT[fault.status] ?? "Server Error", status: fault.status }),
          );
    if (fault.retryAfterSeconds !== undefined) response.headers["retry-after"] = String(fault.retryAfterSeconds);
    return logAnswer(state, received, response);
  };
  return fault.delayMs ? sleep(fault.delayMs, signal?.()).then(finish) : finish();
}

function answer(
  state: DispatchState,
  { api, operationId, operation, path }: Route,
  request: EmulatorRequest,
  requestId: string,
): EmulatorResponse {
  const now = state.clock.now();
  state.settle(now);
  try {
    // Checked whole against the spec, then applied and answered as one change: a request refused
    // by a rule only its handler checks, or failing inside the emulator, leaves nothing behind.
    const input = checkRequest(validators[api], operation, path, request);
    const text = state.journal.run(() => {
      const body = state.handlers[operationId]!({
        now,
        base: request.url.origin,
        accountSid: state.credentials.account.accountSid,
        input,
      });
      return body === undefined ? "" : body instanceof JsonText ? body.text : JSON.stringify(body);
    });
    return jsonAnswer(requestId, operation.status, text);
  } catch (error) {
    if (error instanceof TwilioFault) return errorAnswer(requestId, error.status, error.code, error.message);
    // A bug in the emulator must not take the user's test process down: answer 500 and say so.
    return jsonAnswer(requestId, 500, internalError(request, requestId, error));
  }
}

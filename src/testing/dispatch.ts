// One request through the emulator: authentication, routing, scripted
// faults, validation against the spec, the operation's handler, and the
// answer with Twilio's headers and error bodies. Shared by the in-process
// fetch and the HTTP server; it never throws.
import { flexSchemas } from "../../generated/flex-schemas";
import { proxySchemas } from "../../generated/proxy-schemas";
import type { Clock } from "./clock";
import { type CredentialSet, authenticate } from "./credentials";
import { type EmulatorRequest, type EmulatorResponse, TwilioFault, errorBody } from "./exchange";
import type { FaultScript } from "./faults";
import type { Handler } from "./handler";
import { SchemaValidator } from "./json-schema";
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
  /** Brings time-driven state (channel setup) up to `now` before a handler reads it. */
  readonly settle: (now: number) => void;
}

const STATUS_TEXT: Record<number, string> = {
  401: "Authenticate",
  404: "The requested resource was not found",
  405: "Method not allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

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

function decodedParams(request: EmulatorRequest): Record<string, unknown> | null {
  if (!request.body) return null;
  if ((request.headers["content-type"] ?? "").startsWith("application/json")) {
    try {
      return JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const form: Record<string, string> = {};
  new URLSearchParams(request.body).forEach((value, name) => (form[name] ??= value));
  return form;
}

/**
 * Answers one request. `api` is the API the origin belongs to, or `null`
 * when one origin serves both (their paths do not overlap).
 */
export async function dispatch(
  state: DispatchState,
  request: EmulatorRequest,
  api: ApiName | null,
  signal?: AbortSignal,
): Promise<EmulatorResponse> {
  const requestId = `RQ${state.requestIds.hex(32)}`;
  const json = (status: number, body: string): EmulatorResponse => ({
    status,
    headers: body
      ? { "content-type": "application/json; charset=utf-8", "twilio-request-id": requestId }
      : { "twilio-request-id": requestId },
    body,
  });
  const fail = (status: number, code: number, message: string) => json(status, errorBody(status, code, message));
  const { authorization, ...headers } = request.headers;
  const credential = authenticate(authorization, state.credentials);
  const route = router.match(api, request.method, request.url.pathname);
  const operation = "operationId" in route ? route.operationId : null;
  const entry = (status: number | null): ReceivedRequest => ({
    method: request.method,
    url: request.url.href,
    api: route.api,
    operation,
    headers,
    body: request.body,
    params: decodedParams(request),
    credential,
    status,
    requestId,
    at: new Date(state.clock.now()).toISOString(),
  });

  let response: EmulatorResponse;
  if (credential === null) {
    response = fail(401, 20003, STATUS_TEXT[401]!);
    response.headers["www-authenticate"] = 'Basic realm="Twilio API"';
  } else if (!("operationId" in route)) {
    response = fail(
      route.status,
      route.status === 404 ? 20404 : 20405,
      `${STATUS_TEXT[route.status]}: ${request.method} ${request.url.pathname}`,
    );
  } else {
    const fault = state.faults.take(route.operationId);
    if (fault?.delayMs) await sleep(fault.delayMs, signal);
    if (fault?.drop) {
      if (state.log.keeps) state.log.add(entry(null));
      return { status: 0, headers: {}, body: "", drop: true };
    }
    if (fault?.status) {
      response =
        fault.status === 429
          ? fail(429, 20429, STATUS_TEXT[429]!)
          : json(
              fault.status,
              JSON.stringify({ message: STATUS_TEXT[fault.status] ?? "Server Error", status: fault.status }),
            );
      if (fault.retryAfterSeconds !== undefined) response.headers["retry-after"] = String(fault.retryAfterSeconds);
    } else {
      response = answer(state, route, request, json, fail);
    }
  }
  if (state.log.keeps) state.log.add(entry(response.status));
  return response;
}

function answer(
  state: DispatchState,
  { api, operationId, operation, path }: Route,
  request: EmulatorRequest,
  json: (status: number, body: string) => EmulatorResponse,
  fail: (status: number, code: number, message: string) => EmulatorResponse,
): EmulatorResponse {
  try {
    const now = state.clock.now();
    state.settle(now);
    const input = checkRequest(validators[api], operation, path, request);
    const body = state.handlers[operationId]!({
      now,
      base: request.url.origin,
      accountSid: state.credentials.account.accountSid,
      input,
    });
    return json(operation.status, body === undefined ? "" : JSON.stringify(body));
  } catch (error) {
    if (error instanceof TwilioFault) return fail(error.status, error.code, error.message);
    // A bug in the emulator must not take the user's test process down: answer 500 and say so.
    return json(
      500,
      JSON.stringify({
        message: `The emulator failed: ${error instanceof Error ? error.message : String(error)}`,
        status: 500,
      }),
    );
  }
}

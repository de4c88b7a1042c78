// createEmulator: a stateful emulator of the Flex Interactions and Proxy
// Interactions APIs, reached in-process through its own `fetch` or over
// loopback HTTP with `listen()`. Runs wherever the SDK runs: it imports no
// Node built-in (listen() reaches node:http only when called).
import { Clock, type Duration, durationMs } from "./clock";
import { type CredentialSet, type EmulatorApiKey, type EmulatorCredentials, makeCredentials } from "./credentials";
import { type DispatchState, OPERATION_IDS, dispatch, responder } from "./dispatch";
import { type EmulatorEvent, EventHub } from "./events";
import { type Fault, FaultScript } from "./faults";
import { interactionHandlers } from "./flex-interactions";
import { memberHandlers } from "./flex-members";
import { FlexModel } from "./flex-model";
import { WebhookRegistry, webhookHandlers } from "./flex-webhooks";
import { Journal } from "./journal";
import { type EmulatorServer as LoopbackServer, type ListenOptions, listen } from "./listen";
import { type EmulatorOptions, resolveOptions } from "./options";
import { type ProxySessionInfo, type ProxySessionOptions, ProxyModel } from "./proxy";
import { type ReceivedRequest, RequestLog } from "./request-log";
import { toEmulatorRequest, toResponse } from "./fetch-adapter";
import { type Sid, SidFactory } from "./sids";
import { type EmulatedTask, type TaskStatus, TaskBoard, snapshot } from "./tasks";
import { type WebhookDelivery, WebhookDispatcher } from "./webhook-delivery";

/** Base URLs of the emulated APIs, in the shape of the client's `baseUrls` option. */
export interface EmulatorBaseUrls {
  readonly flex: string;
  readonly proxy: string;
}

/**
 * What `createInteractionsClient` needs to reach an emulator: its Account SID
 * and Auth Token, its base URLs, and (in-process) its `fetch`. Pass it as it
 * is, or spread it and add options.
 *
 * @example
 * ```ts
 * const twilio = createInteractionsClient(emulator.clientOptions);
 * const patient = createInteractionsClient({ ...emulator.clientOptions, maxRetries: 0 });
 * ```
 */
export interface EmulatorClientOptions extends EmulatorCredentials {
  readonly baseUrls: EmulatorBaseUrls;
  /** The emulator's in-process fetch; absent over HTTP, where the client's own transport is used. */
  readonly fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

/**
 * The emulator served over HTTP on loopback.
 *
 * @example
 * ```ts
 * const server = await emulator.listen();
 * try {
 *   const twilio = createInteractionsClient(server.clientOptions);
 * } finally {
 *   await server.close();
 * }
 * ```
 */
export interface EmulatorServer extends LoopbackServer {
  /** The emulator's credentials and this server's base URLs: `createInteractionsClient(server.clientOptions)`. */
  readonly clientOptions: EmulatorClientOptions;
}

/**
 * Which tasks `tasks()` returns; every field is optional.
 *
 * @example
 * ```ts
 * emulator.tasks({ interactionSid: interaction.sid, status: "wrapping" });
 * ```
 */
export interface TaskFilter {
  interactionSid?: string;
  channelSid?: string;
  status?: TaskStatus;
}

/**
 * A running emulator. See {@link createEmulator}.
 *
 * @example
 * ```ts
 * emulator.advance({ days: 181 });
 * expect(emulator.tasks().map((task) => task.status)).toEqual(["completed"]);
 * ```
 */
export interface Emulator {
  /**
   * Everything a client needs to reach the emulator in-process (credentials,
   * base URLs, its fetch): `createInteractionsClient(emulator.clientOptions)`.
   */
  readonly clientOptions: EmulatorClientOptions;
  /** The Account SID and Auth Token it accepts. */
  readonly credentials: EmulatorCredentials;
  /** The API Key SID and secret it also accepts. */
  readonly apiKeyCredentials: EmulatorApiKey;
  /** In-process base URLs, for use with {@link Emulator.fetch}. Nothing listens on them. */
  readonly baseUrls: EmulatorBaseUrls;
  /** A web-standard fetch that answers in-process, without a port. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /**
   * Serves the emulator over HTTP on loopback (Node, Bun, Deno): one port per
   * API. Connect with `createInteractionsClient(server.clientOptions)`.
   */
  listen(options?: ListenOptions): Promise<EmulatorServer>;
  /** Makes a Proxy session holding `interactions` logged messages and calls. */
  proxySession(options?: ProxySessionOptions): ProxySessionInfo;
  /** Every TaskRouter task the emulated Flex made, oldest first. */
  tasks(filter?: TaskFilter): EmulatedTask[];
  /** An agent accepts a pending or reserved task (TaskRouter's reservation accept): it becomes `assigned`. */
  acceptTask(taskSid: string, options?: { workerSid?: string }): EmulatedTask;
  /** Moves the emulator's clock forward, for channel setup and the 180-day expiry. */
  advance(duration: Duration): void;
  /** Scripts a fault for the next calls of an operation. */
  fail(fault: Fault): void;
  /** The requests received, oldest first (Authorization never kept). */
  requests(): ReceivedRequest[];
  /** The emulated Flex instance (`GO…`): register interaction webhooks on it. */
  readonly flexInstanceSid: Sid<"GO">;
  /**
   * The interaction-webhook requests sent so far, oldest first. Registered
   * webhooks receive the events the emulator's state changes cause, signed
   * with its Auth Token; see the `webhookFetch` option.
   */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once every interaction-webhook request caused so far has been answered. */
  flushWebhooks(): Promise<void>;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (event: EmulatorEvent) => void): () => void;
  /** Forgets all state, requests and faults, and rewinds the clock and SIDs to the seed. */
  reset(): void;
}

const IN_PROCESS = { flex: "https://flex-api.emulator.invalid", proxy: "https://proxy.emulator.invalid" } as const;

/**
 * Creates an emulator of the Flex Interactions and Proxy Interactions APIs.
 *
 * @example
 * ```ts
 * import { createInteractionsClient } from "twilio-interactions";
 * import { createEmulator } from "twilio-interactions/testing";
 *
 * const emulator = createEmulator({ seed: 42 });
 * const twilio = createInteractionsClient(emulator.clientOptions);
 * ```
 */
export function createEmulator(options?: EmulatorOptions): Emulator {
  const resolved = resolveOptions(options);
  const journal = new Journal();
  const events = new EventHub(journal);
  const clock = new Clock();
  const credentials: CredentialSet = makeCredentials(new SidFactory(resolved.seed, 3));
  const sids = new SidFactory(resolved.seed, 1);
  journal.track(sids);
  const tasks = new TaskBoard(sids, events, journal);
  const flex = new FlexModel(resolved, sids, tasks, events, journal);
  const proxy = new ProxyModel(sids, events, journal);
  const webhooks = new WebhookRegistry(journal);
  const deliveries = new WebhookDispatcher(flex, webhooks, credentials.account, resolved.webhookFetch);
  events.subscribe(
    (event) => deliveries.onEvent(event),
    () => webhooks.size > 0,
  );
  const state: DispatchState = {
    clock,
    credentials,
    requestIds: new SidFactory(resolved.seed, 2),
    faults: new FaultScript(),
    log: new RequestLog(resolved.requestLogLimit),
    journal,
    maxBodyBytes: resolved.maxBodyBytes,
    handlers: {
      ...interactionHandlers(flex),
      ...memberHandlers(flex),
      ...webhookHandlers(flex, webhooks),
      ...proxy.handlers(),
    },
    settle: (now) => flex.settle(now),
  };
  const origins = new Map<string, "flex" | "proxy">([
    [IN_PROCESS.flex, "flex"],
    [IN_PROCESS.proxy, "proxy"],
  ]);

  const fetch: Emulator["fetch"] = async (input, init) => {
    const { request, signal } = await toEmulatorRequest(input, init, resolved.maxBodyBytes);
    const api = origins.get(request.url.origin);
    if (!api)
      throw new TypeError("fetch failed", {
        cause: new Error(
          `The emulator's fetch serves only ${IN_PROCESS.flex} and ${IN_PROCESS.proxy}, not ${request.url.origin}`,
        ),
      });
    return toResponse(await dispatch(state, request, api, () => signal));
  };

  return {
    clientOptions: Object.freeze({ ...credentials.account, baseUrls: IN_PROCESS, fetch }),
    credentials: credentials.account,
    apiKeyCredentials: credentials.apiKey,
    baseUrls: IN_PROCESS,
    fetch,
    listen: async (listenOptions) => {
      const server = await listen(responder(state), listenOptions);
      return { ...server, clientOptions: Object.freeze({ ...credentials.account, baseUrls: server.baseUrls }) };
    },
    proxySession: (sessionOptions = {}) => proxy.seed(sessionOptions, clock.now()),
    tasks: (filter = {}) => {
      flex.settle(clock.now());
      const out: EmulatedTask[] = [];
      for (const task of tasks.all()) {
        if (filter.status !== undefined && task.status !== filter.status) continue;
        if (filter.interactionSid !== undefined && task.channel.interactionSid !== filter.interactionSid) continue;
        if (filter.channelSid !== undefined && task.channel.sid !== filter.channelSid) continue;
        out.push(snapshot(task));
      }
      return out;
    },
    acceptTask: (taskSid, acceptOptions = {}) => {
      const now = clock.now();
      flex.settle(now);
      const task = tasks.get(taskSid);
      if (!task) throw new TypeError(`acceptTask(): the emulator has no task ${taskSid}.`);
      if (task.status !== "pending" && task.status !== "reserved")
        throw new TypeError(
          `acceptTask(): task ${taskSid} is ${task.status}; only a pending or reserved task can be accepted.`,
        );
      if (acceptOptions.workerSid !== undefined) task.workerSid = acceptOptions.workerSid;
      tasks.move(task, "assigned", now, "reservation accepted");
      return snapshot(task);
    },
    advance: (duration) => {
      clock.advance(durationMs(duration));
      flex.settle(clock.now());
    },
    fail: (fault) => state.faults.add(fault, OPERATION_IDS),
    requests: () => state.log.list(),
    get flexInstanceSid() {
      return flex.standIn("GO") as Sid<"GO">;
    },
    webhookDeliveries: () => deliveries.deliveries(),
    flushWebhooks: () => deliveries.flush(),
    subscribe: (listener) => events.subscribe(listener),
    reset: () => {
      sids.rewind();
      state.requestIds.rewind();
      clock.reset();
      state.faults.clear();
      state.log.clear();
      tasks.clear();
      flex.clear();
      proxy.clear();
      webhooks.clear();
      deliveries.clear();
    },
  };
}

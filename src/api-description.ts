/**
 * The shape of the runtime data that `npm run generate` derives from each API
 * description (`generated/*-operations.ts`): everything the client needs to
 * know about an operation that the types alone cannot carry at run time.
 */
export interface ApiDescription {
  /** Default server URL of the API, for example `https://flex-api.twilio.com`. */
  readonly server: string;
  readonly paths: Readonly<Record<string, PathDescription>>;
  /** The events the API sends to webhooks, when it has any. */
  readonly webhooks?: WebhooksDescription;
}

/** The events of an API's `webhooks`, and the parameter that names them. */
export interface WebhooksDescription {
  /** The parameter whose value is the event's name, for example `EventType`. */
  readonly key: string;
  /** Event name → what a receiver checks in its parameters. */
  readonly events: Readonly<Record<string, EventDescription>>;
}

/** What a receiver checks in one event's parameters. */
export interface EventDescription {
  /** Parameters that must be present. */
  readonly required: readonly string[];
  /** Parameters that are integers, sent as decimal digits in a form. */
  readonly integers?: readonly string[];
  /** Parameter name → SID prefix. */
  readonly sids?: Readonly<Record<string, string>>;
}

/** Runtime facts about one path of an API. */
export interface PathDescription {
  /** Path parameter name → required SID prefix. */
  readonly sids: Readonly<Record<string, string>>;
  /** Path parameter name → required pattern, for identifiers that are not SIDs (such as a webhook `ttid`). */
  readonly patterns?: Readonly<Record<string, string>>;
  readonly get?: OperationDescription;
  readonly post?: OperationDescription;
  readonly delete?: OperationDescription;
}

/** Runtime facts about one operation. */
export interface OperationDescription {
  readonly operationId: string;
  /** How the request body is encoded. */
  readonly body?: "form" | "json";
  /** Form fields whose value is an object sent as a JSON string. */
  readonly jsonFields?: readonly string[];
  /** Numeric bounds of query parameters, checked before sending. */
  readonly query?: Readonly<Record<string, QueryBounds>>;
  /** Property of a list page that holds its items. */
  readonly listKey?: string;
}

/** Bounds of a numeric query parameter. */
export interface QueryBounds {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly integer?: boolean;
}

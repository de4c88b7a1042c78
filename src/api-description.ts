/**
 * The shape of the runtime data that `npm run generate` derives from each API
 * description (`generated/*-operations.ts`): everything the client needs to
 * know about an operation that the types alone cannot carry at run time.
 * Each part is its own constant there too, so a bundler keeps only the parts
 * (and the APIs) a program uses.
 */
export interface ApiDescription extends PathApiDescription {
  /** The resource tree whose methods `twilio.<name>` carries. */
  readonly resources: ResourceDescription;
}

/** What the path layer alone needs of an API (`flexPathApi`): an {@link ApiDescription} without its resource tree. */
export interface PathApiDescription {
  /** Name of the API's client property, for example `flex`. */
  readonly name: string;
  /** Title of the API description. */
  readonly title: string;
  /** One-line summary of the API. */
  readonly summary: string;
  /** Default server URL of the API, for example `https://flex-api.twilio.com`. */
  readonly server: string;
  readonly paths: Readonly<Record<string, PathDescription>>;
}

/**
 * An API's description as the package exports it (`flexPathApi`, and with its
 * resource tree `flexApi`): typed by its name and, for the client's types, the
 * property each list path's pages hold its items in (such as `channels`); the
 * rest by shape. The package's declarations then carry no copy of the data.
 */
export interface NamedPathApiDescription<
  Name extends string,
  ListKeys extends Record<string, string>,
> extends PathApiDescription {
  readonly name: Name;
  readonly paths: PathApiDescription["paths"] & {
    readonly [Path in keyof ListKeys]: { readonly get: { readonly listKey: ListKeys[Path] } };
  };
}

/** A resource: its methods, its sub-resources, and the handle on one of its items. */
export interface ResourceDescription {
  readonly methods?: Readonly<Record<string, MethodDescription>>;
  readonly resources?: Readonly<Record<string, ResourceDescription>>;
  readonly instance?: InstanceDescription;
}

/** The handle on one item of a resource, bound to a path parameter. */
export interface InstanceDescription extends ResourceDescription {
  /** Name of the path parameter, for messages. */
  readonly param: string;
  /** SID prefix the value must have, when it is a SID. */
  readonly sid?: string;
}

/** A resource method and the operation it sends. */
export interface MethodDescription {
  readonly operationId: string;
  readonly method: "get" | "post" | "delete";
  readonly path: string;
  /** Path parameter names, in the order the handles bind them. */
  readonly pathParams: readonly string[];
  /** Where the method's params go. */
  readonly params?: "body" | "query";
  /** The operation answers with a list page: the method returns a Paginator. */
  readonly list?: true;
}

/** The events an API sends to webhooks (`generated/*-operations.ts`, apart from its description), and the parameter that names them. */
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
  /** The spec allows a 2xx without a body (a 204): only then may a call resolve without data. */
  readonly noContent?: boolean;
}

/** Bounds of a numeric query parameter. */
export interface QueryBounds {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly integer?: boolean;
}

// The public types of an API client: openapi-fetch's method signatures over
// the generated `paths`, with the SDK's per-request options added, and the
// types of `paginate()` derived from the generated list keys.
import type { FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { ApiDescription } from "./api-description";
import type { Paginator } from "./pagination";
import type { RequestOptions } from "./resource-types";

/** A media type such as `application/json`. */
export type MediaType = `${string}/${string}`;
/** The HTTP methods the Twilio Interactions APIs use. */
export type HttpMethod = "get" | "post" | "delete";
/** The keys of `T` that are not optional. */
export type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** Paths of `Paths` that have an operation for `Method`. */
export type PathsWithMethod<Paths, Method extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [M in Method]: {} } ? P : never;
}[keyof Paths];

/** The `init` argument of a call: required when the operation has required parameters or a required body. */
export type InitArgs<Init> =
  RequiredKeysOf<Init> extends never ? [init?: Init & RequestOptions] : [init: Init & RequestOptions];

/** The operation object of `Method` in a generated path item. */
export type OperationOf<PathItem, Method extends HttpMethod> = PathItem extends {
  [M in Method]: infer Op extends Record<string | number, any>;
}
  ? Op
  : never;

/** A typed call such as `GET(path, init)`: openapi-fetch's contract plus the SDK's request options. */
export type ClientMethod<Paths, Method extends HttpMethod> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path] & Record<Method, unknown>, Method>,
>(
  path: Path,
  ...init: InitArgs<Init>
) => Promise<FetchResponse<OperationOf<Paths[Path], Method>, Init, MediaType>>;

/** Paths whose GET returns a list page, by the generated runtime data. */
export type ListPath<Paths, Api extends ApiDescription> = {
  [P in keyof Api["paths"] & PathsWithMethod<Paths, "get">]: Api["paths"][P] extends { get: { listKey: string } }
    ? P
    : never;
}[keyof Api["paths"] & PathsWithMethod<Paths, "get">];

/** The body of one page of the list at `P`, for example `{ channels, meta }`. */
export type PageBody<Paths, P extends keyof Paths> = NonNullable<
  FetchResponse<OperationOf<Paths[P], "get">, {}, MediaType>["data"]
>;

/** The property of a page of the list at `P` that holds its items (from the spec), for example `"channels"`. */
export type ListKeyOf<Api extends ApiDescription, P> = P extends keyof Api["paths"]
  ? Api["paths"][P] extends { get: { listKey: infer K extends string } }
    ? K
    : never
  : never;

/** The item type of the list at `P`. */
export type ListItem<Paths, Api extends ApiDescription, P extends keyof Paths> =
  PageBody<Paths, P> extends Record<ListKeyOf<Api, P>, (infer Item)[]> ? Item : never;

/** Options of `paginate()`: those of the list's `GET`, plus `limit` and `signal`. */
export type PaginateInit<Paths, P extends keyof Paths> = MaybeOptionalInit<Paths[P] & Record<"get", unknown>, "get"> &
  RequestOptions & {
    /** Stop after this many items, across pages. Also sets `PageSize` when you do not (up to 1000). */
    limit?: number;
  };

/** The `init` argument of `paginate()`: required when the list has required path parameters. */
export type PaginateArgs<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

/**
 * A client for one API: openapi-fetch's `GET`, `POST`, `DELETE`, `use` and
 * `eject`, typed by the generated paths, plus `paginate`.
 */
export interface ApiClient<Paths extends {}, Api extends ApiDescription> {
  /** Calls a GET operation. Resolves to `{ data }` or `{ error }` (the Twilio error body), with the `response`. */
  GET: ClientMethod<Paths, "get">;
  /** Calls a POST operation (every Twilio create and update). The body is form-encoded as the spec says. */
  POST: ClientMethod<Paths, "post">;
  /** Calls a DELETE operation. */
  DELETE: ClientMethod<Paths, "delete">;
  /** Registers openapi-fetch middleware; it sees every request before the SDK adds credentials. */
  use(...middleware: Middleware[]): void;
  /** Unregisters middleware registered with `use`. */
  eject(...middleware: Middleware[]): void;
  /**
   * Iterates over every item of a list, fetching pages as needed (one page
   * ahead at most). `for await` yields items; `.pages()` yields pages;
   * `.toArray()` collects.
   */
  paginate<P extends ListPath<Paths, Api>>(
    path: P,
    ...init: PaginateArgs<PaginateInit<Paths, P>>
  ): Paginator<ListItem<Paths, Api, P>, PageBody<Paths, P>>;
  /** The base URL requests go to, for example `https://flex-api.twilio.com`. */
  readonly baseUrl: string;
}

import type { Client, FetchResponse, RequestOptions } from "openapi-fetch";
import type { RuntimeRequestOptions } from "./request-options.js";

/** Where a client keeps its table of paginated operations, for `paginate(client, path)`. */
export const PAGINATION: unique symbol = Symbol.for("cxkit.pagination");

/** The HTTP methods openapi-fetch calls by name (`client.GET(...)`). */
type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** The paths of `Paths` that have `method`. */
type PathsWith<Paths, M extends Method> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: object } ? P : never;
}[keyof Paths];

/** The `fetch` init a call passes on; `signal` may be undefined, as an optional `AbortSignal` often is. */
type FetchInit = Omit<RequestInit, "body" | "headers" | "signal"> & {
  /** aborts the call, its retries and its waits (default none) */
  signal?: AbortSignal | null | undefined;
};

/** What one call of `path` with `method` accepts: openapi-fetch's init plus the runtime's per-call options. */
export type CallInit<PathItem, M extends keyof PathItem> = RequestOptions<PathItem[M]> &
  FetchInit &
  RuntimeRequestOptions;

/**
 * Note: openapi-fetch infers `Init` and then adds `[key: string]: unknown`, so any key compiles.
 * Here every key `Init` has beyond `Allowed` must be `never`, so a misspelled option is an error.
 */
type Exact<Init, Allowed> = Init & { [K in Exclude<keyof Init, keyof Allowed>]: never };

type InitArgs<Init, Allowed> =
  object extends NonNullable<Init> ? [init?: Exact<Init, Allowed>] : [init: Exact<Init, Allowed>];

/** Whether a call throws on non-2xx: its own `throwOnError` if set, else the client's. */
type Throws<Init, ClientThrows extends boolean> = Init extends { throwOnError: true }
  ? true
  : Init extends { throwOnError: false }
    ? false
    : ClientThrows;

/**
 * The 2xx branch of a result: `data` present, no `error`.
 * Note: built from `data` rather than filtering the union, which TS resolves too early while generic.
 */
interface Success<R extends { data?: unknown }> {
  data: Exclude<R["data"], undefined>;
  error?: never;
  response: Response;
}

/** What a call resolves to: openapi-fetch's `{ data, error, response }`, only the 2xx branch when it throws. */
export type CallResult<Operation, Init, ClientThrows extends boolean> =
  Throws<Init, ClientThrows> extends true
    ? Success<FetchResponse<Operation & {}, Init, `${string}/${string}`>>
    : FetchResponse<Operation & {}, Init, `${string}/${string}`>;

/** One HTTP method of an `ApiClient`, e.g. `GET`. */
export type ApiMethod<Paths, M extends Method, ClientThrows extends boolean> = <
  Path extends PathsWith<Paths, M>,
  Init extends CallInit<Paths[Path], M & keyof Paths[Path]>,
>(
  url: Path,
  ...init: InitArgs<Init, CallInit<Paths[Path], M & keyof Paths[Path]>>
) => Promise<CallResult<Paths[Path][M & keyof Paths[Path]], Init, ClientThrows>>;

/**
 * An openapi-fetch client whose calls also take the runtime's options, typed: `retry`, `timeout`,
 * `throwOnError` and `signal` autocomplete, and any key neither openapi-fetch nor the runtime knows is a
 * compile error. With `ClientThrows` (a client created with `throwOnError: true`), or a call's own
 * `throwOnError: true`, `data` is the 2xx body, not optional. `Pages` is the vendor's table of
 * paginated operations (see `PaginatedOperations`).
 */
export interface ApiClient<Paths extends {}, ClientThrows extends boolean = false, Pages = undefined>
  extends Pick<Client<Paths>, "use" | "eject"> {
  /** the vendor's paginated operations, read by `paginate(client, path)` and `pages(client, path)` */
  readonly [PAGINATION]: Pages;
  /** Call any endpoint by method, e.g. `request("get", "/contacts")` */
  request: <
    M extends Method,
    Path extends PathsWith<Paths, M>,
    Init extends CallInit<Paths[Path], M & keyof Paths[Path]>,
  >(
    method: M,
    url: Path,
    ...init: InitArgs<Init, CallInit<Paths[Path], M & keyof Paths[Path]>>
  ) => Promise<CallResult<Paths[Path][M & keyof Paths[Path]], Init, ClientThrows>>;
  /** Call a GET endpoint */
  GET: ApiMethod<Paths, "get", ClientThrows>;
  /** Call a PUT endpoint */
  PUT: ApiMethod<Paths, "put", ClientThrows>;
  /** Call a POST endpoint */
  POST: ApiMethod<Paths, "post", ClientThrows>;
  /** Call a DELETE endpoint */
  DELETE: ApiMethod<Paths, "delete", ClientThrows>;
  /** Call an OPTIONS endpoint */
  OPTIONS: ApiMethod<Paths, "options", ClientThrows>;
  /** Call a HEAD endpoint */
  HEAD: ApiMethod<Paths, "head", ClientThrows>;
  /** Call a PATCH endpoint */
  PATCH: ApiMethod<Paths, "patch", ClientThrows>;
  /** Call a TRACE endpoint */
  TRACE: ApiMethod<Paths, "trace", ClientThrows>;
}

import type { FetchOptions, RequestBodyOption } from "openapi-fetch";
import type { PaginateOptions } from "./paginate.js";
import type { RuntimeRequestOptions } from "./request-options.js";

/** One paginated operation: its method and where a page's items are. */
export interface PaginatedOperation<Page = never, Item = unknown> {
  method: "get" | "post";
  /** the items on a page */
  items(page: Page): readonly Item[] | null | undefined;
}

/**
 * A vendor's cursor pagination and its table of paginated operations, kept in the client package
 * beside its `VendorProfile`; the runtime only walks it.
 */
export interface PaginatedOperations<Page = never> {
  /** the query parameter that carries the cursor, e.g. `cursor` */
  cursor: string;
  /** the cursor of the next page; null, undefined or "" on the last page */
  nextCursor(page: Page): string | null | undefined;
  /** per path template: its method and where its items are */
  operations: { readonly [path: string]: PaginatedOperation<never> };
}

type OperationParams<Operation> = Operation extends { parameters: infer P } ? P : object;

/** The operation's parameters with the cursor left out of `query`: the cursor is the client's business. */
type PageParams<P, Cursor extends string> = Omit<P, "query"> &
  (P extends { query: infer Q }
    ? { query: Omit<Q, Cursor> }
    : { query?: Omit<NonNullable<P[keyof P & "query"]>, Cursor> });

type ParamsArg<Operation, Cursor extends string> =
  object extends OperationParams<Operation>
    ? { params?: PageParams<OperationParams<Operation>, Cursor> }
    : { params: PageParams<OperationParams<Operation>, Cursor> };

type Table<T> = T extends { operations: infer O } ? O : never;
type Cursor<T> = T extends { cursor: infer C extends string } ? C : never;

/** The operation behind a paginated path of table `T`. */
type Operation<Paths, T, Path> = Path extends keyof Paths & keyof Table<T>
  ? Table<T>[Path] extends { method: infer M }
    ? Paths[Path][M & keyof Paths[Path]]
    : never
  : never;

/** A paginated path of table `T`. */
export type PaginatedPath<Paths, T> = keyof Table<T> & keyof Paths & string;

/**
 * What a walk of one paginated operation takes: its parameters but the cursor, its body, headers,
 * `retry`, `timeout`, `signal` and `maxItems`. Every page is unwrapped, so `throwOnError` has no say.
 */
export type PageInit<Paths, T, Path> = ParamsArg<Operation<Paths, T, Path>, Cursor<T>> &
  RequestBodyOption<Operation<Paths, T, Path>> &
  Pick<FetchOptions<Operation<Paths, T, Path>>, "headers"> &
  Omit<RuntimeRequestOptions, "throwOnError"> &
  PaginateOptions;

/** The init argument: optional when nothing in it is required. */
export type PageInitArgs<Init> = object extends Init ? [init?: Init] : [init: Init];

/** The items of a page of a paginated path of table `T`. */
export type PageItem<T, Path> = Table<T>[Path & keyof Table<T>] extends { items(page: never): infer Items }
  ? NonNullable<Items> extends readonly (infer Item)[]
    ? Item
    : never
  : never;

/** A page (the 2xx body) of a paginated path of table `T`. */
export type PageOf<T, Path> = Table<T>[Path & keyof Table<T>] extends { items(page: infer Page): unknown }
  ? Page
  : never;

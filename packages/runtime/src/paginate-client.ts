import { type ApiClient, PAGINATION } from "./api-client.js";
import { type PaginateOptions, pagesWith, paginateWith } from "./paginate.js";
import type {
  PageInit,
  PageInitArgs,
  PageItem,
  PageOf,
  PaginatedOperations,
  PaginatedPath,
} from "./paginated-operations.js";
import type { FetchResult } from "./unwrap.js";

// biome-ignore lint/suspicious/noExplicitAny: a client of any `throwOnError`, since every page is unwrapped
type AnyThrows = any;

/**
 * Every item of every page of a paginated operation, fetched a page at a time as the loop asks:
 *
 * ```ts
 * for await (const user of paginate(dixa, "/endusers", { params: { query: { email } } })) { ... }
 * ```
 *
 * Only the client's paginated paths compile, and the cursor is not the caller's to pass. `maxItems`
 * stops early and `signal` aborts; a failed page throws its `ApiError`, a cursor that comes back a
 * second time `PaginationError`.
 */
export function paginate<
  Paths extends {},
  T extends PaginatedOperations,
  Path extends PaginatedPath<Paths, T>,
>(
  client: ApiClient<Paths, AnyThrows, T>,
  path: Path,
  ...init: PageInitArgs<PageInit<Paths, T, Path>>
): AsyncGenerator<PageItem<T, Path>, void, undefined> {
  const { fetchPage, table, options } = walk(client, path, init[0] as Init | undefined);
  const operation = table.operations[path] as PaginatedOperations["operations"][string];
  return paginateWith(
    fetchPage,
    { items: operation.items as (page: unknown) => PageItem<T, Path>[], nextCursor: table.nextCursor },
    options,
  );
}

/** Every page (the 2xx body) of a paginated operation, like `paginate` but a page at a time. */
export function pages<Paths extends {}, T extends PaginatedOperations, Path extends PaginatedPath<Paths, T>>(
  client: ApiClient<Paths, AnyThrows, T>,
  path: Path,
  ...init: PageInitArgs<Omit<PageInit<Paths, T, Path>, "maxItems">>
): AsyncGenerator<PageOf<T, Path>, void, undefined> {
  const { fetchPage, table, options } = walk(client, path, init[0] as Init | undefined);
  return pagesWith(fetchPage, table.nextCursor as (page: unknown) => string | undefined, options);
}

/** What a walk passes on to each page's call. */
type Init = { params?: { query?: object }; signal?: AbortSignal | null | undefined } & PaginateOptions;
type Requester = { request(method: string, path: string, init: object): Promise<FetchResult> };

/** The page fetcher of one walk: the caller's init with the cursor set for every page but the first. */
function walk(client: { [PAGINATION]: unknown }, path: string, init: Init = {}) {
  const table = client[PAGINATION] as PaginatedOperations<unknown> | undefined;
  const operation = table?.operations[path];
  if (!table || !operation) throw new TypeError(`${path} is not a paginated operation of this client`);
  const { maxItems, ...call } = init;
  const fetchPage = (cursor: string | undefined) =>
    (client as unknown as Requester).request(
      operation.method,
      path,
      cursor === undefined
        ? call
        : { ...call, params: { ...call.params, query: { ...call.params?.query, [table.cursor]: cursor } } },
    );
  const options: PaginateOptions = { signal: init.signal ?? undefined, maxItems };
  return { fetchPage, table, options };
}

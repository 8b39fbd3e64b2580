import { identifyCall } from "./call-info.js";
import { PaginationError } from "./errors.js";
import { type FetchResult, type ResultData, unwrap } from "./unwrap.js";

/** Where a page's items are and what the next cursor is. */
export interface Pagination<Page, Item> {
  /** the items on a page */
  items(page: Page): readonly Item[] | null | undefined;
  /** the cursor of the next page; null, undefined or "" on the last page */
  nextCursor(page: Page): string | null | undefined;
}

/** Options of one walk over pages. */
export interface PageOptions {
  /**
   * stops the walk: once it fires, nothing more is yielded or fetched and the loop throws its reason
   * (a page in flight throws `AbortError` when the signal reached its call) (default none)
   */
  signal?: AbortSignal | undefined;
}

/** Options of one walk over items. */
export interface PaginateOptions extends PageOptions {
  /** stop after this many items, fetching no further page (default: all) */
  maxItems?: number | undefined;
}

/**
 * Every page, fetched one at a time as the loop asks for more. `fetchPage` gets `undefined` for the
 * first page, then each page's next cursor. A failed page throws its `ApiError`; a cursor that comes
 * back a second time throws `PaginationError` instead of looping forever.
 */
export async function* pagesWith<R extends FetchResult>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
  nextCursor: (page: ResultData<R>) => string | null | undefined,
  options: PageOptions = {},
): AsyncGenerator<ResultData<R>, void, undefined> {
  const followed = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const result = await fetchPage(cursor);
    const page = unwrap(result);
    yield page;
    const next = nextCursor(page);
    if (next === undefined || next === null || next === "") return;
    if (followed.has(next)) throw repeatedCursor(result.response, next);
    followed.add(next);
    cursor = next;
  }
}

/**
 * Every item of every page, fetched one page at a time as the loop asks for more. `paginate(client,
 * path)` is built on it; use it directly for an API without a table of paginated operations:
 *
 * ```ts
 * for await (const order of paginateWith(
 *   (cursor) => shop.GET("/orders", { params: { query: cursor === undefined ? {} : { cursor } } }),
 *   { items: (page) => page.orders, nextCursor: (page) => page.next },
 * )) { ... }
 * ```
 *
 * A failed page throws its `ApiError`; a repeated cursor throws `PaginationError`.
 */
export async function* paginateWith<R extends FetchResult, Item>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
  pagination: Pagination<ResultData<R>, Item>,
  options: PaginateOptions = {},
): AsyncGenerator<Item, void, undefined> {
  let left = options.maxItems ?? Number.POSITIVE_INFINITY;
  if (left <= 0) return;
  for await (const page of pagesWith(fetchPage, pagination.nextCursor, options)) {
    for (const item of pagination.items(page) ?? []) {
      options.signal?.throwIfAborted();
      yield item;
      if (--left <= 0) return;
    }
  }
}

function repeatedCursor(response: Response, cursor: string): PaginationError {
  return new PaginationError({
    ...identifyCall(response, { method: "GET" }),
    summary: `returned the cursor ${JSON.stringify(cursor)} a second time; stopped instead of looping`,
  });
}

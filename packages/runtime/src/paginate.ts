import { identifyCall } from "./call-info.js";
import { PaginationError } from "./errors.js";
import { type FetchResult, type ResultData, unwrap } from "./unwrap.js";

/** How to walk one API's pages: where the items are and what the next cursor is. */
export interface Pagination<Page, Item> {
  /** the items on a page */
  items(page: Page): readonly Item[] | null | undefined;
  /** the cursor of the next page; null, undefined or "" on the last page */
  nextCursor(page: Page): string | null | undefined;
}

/** Options of one `paginate()` walk. */
export interface PaginateOptions {
  /** stop after this many items, fetching no further page (default: all) */
  maxItems?: number;
}

/**
 * Alpharun: `limit`/`cursor` in the query, `next_cursor` beside `data` (null on the last page).
 * Spread it and say where the items are: `{ ...alpharunPagination, items: (page) => page.data?.contacts }`.
 * @see https://dev.alpharun.com/api-reference/endpoint/list-contacts
 */
export const alpharunPagination = {
  nextCursor: (page: { next_cursor?: string | null }): string | null | undefined => page.next_cursor,
};

/**
 * Dixa: `pageLimit`/`pageKey` in the query; `meta.next` is a relative URL (e.g.
 * `/beta/endusers?pageKey=abc%3D`) whose `pageKey` is the next cursor. Items are `data`:
 * `{ ...dixaPagination, items: (page) => page.data }`.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusers
 */
export const dixaPagination = {
  nextCursor(page: { meta?: { next?: string | null } | undefined }): string | undefined {
    const next = page.meta?.next;
    if (!next) return undefined;
    const pageKey = new URL(next, "https://relative.invalid").searchParams.get("pageKey");
    if (!pageKey) throw new TypeError(`Dixa meta.next has no pageKey: ${next}`);
    return pageKey;
  },
};

/**
 * Every item of every page, fetched one page at a time as the loop asks for more:
 *
 * ```ts
 * for await (const contact of paginate(
 *   (cursor) => client.GET("/contacts", { params: { query: { limit: 100, cursor } } }),
 *   { ...alpharunPagination, items: (page) => page.data?.contacts },
 * )) { ... }
 * ```
 *
 * `fetchPage` gets `undefined` for the first page. A failed page throws its `ApiError`; a cursor
 * that comes back a second time throws `PaginationError` instead of looping forever.
 */
export async function* paginate<R extends FetchResult, Item>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
  pagination: Pagination<ResultData<R>, Item>,
  options: PaginateOptions = {},
): AsyncGenerator<Item, void, undefined> {
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const followed = new Set<string>();
  let yielded = 0;
  let cursor: string | undefined;
  while (yielded < maxItems) {
    const result = await fetchPage(cursor);
    const page = unwrap(result);
    for (const item of pagination.items(page) ?? []) {
      yield item;
      if (++yielded >= maxItems) return;
    }
    const next = pagination.nextCursor(page);
    if (next === undefined || next === null || next === "") return;
    if (followed.has(next)) throw repeatedCursor(result.response, next);
    followed.add(next);
    cursor = next;
  }
}

function repeatedCursor(response: Response, cursor: string): PaginationError {
  return new PaginationError({
    ...identifyCall(response, { method: "GET" }),
    summary: `returned the cursor ${JSON.stringify(cursor)} a second time; stopped instead of looping`,
  });
}

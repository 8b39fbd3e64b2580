import type { PaginatedOperations } from "@cxkit/runtime";
import type { components, paths } from "./generated/schema.js";

/** The 2xx JSON body of `method path`. */
type Page<
  Path extends keyof paths,
  Method extends keyof paths[Path] = "get" & keyof paths[Path],
> = paths[Path][Method] extends { responses: { 200: { content: { "application/json": infer Body } } } }
  ? Body
  : never;

/**
 * Dixa's paginated operations: `pageLimit`/`pageKey` in the query; `meta.next` is a relative URL
 * (e.g. `/beta/endusers?pageKey=abc%3D`) whose `pageKey` is the next cursor; items are `data`.
 * Every operation with a `pageKey` query parameter is listed (a test checks the spec).
 * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusers
 */
export const dixaPagination = {
  cursor: "pageKey",
  nextCursor(page: { meta?: components["schemas"]["PaginationLinks"] }): string | undefined {
    const next = page.meta?.next;
    if (!next) return undefined;
    const pageKey = new URL(next, "https://relative.invalid").searchParams.get("pageKey");
    if (!pageKey) throw new TypeError(`Dixa meta.next has no pageKey: ${next}`);
    return pageKey;
  },
  operations: {
    "/agents": { method: "get", items: (page: Page<"/agents">) => page.data },
    "/conversations/activitylog": {
      method: "get",
      items: (page: Page<"/conversations/activitylog">) => page.data,
    },
    "/endusers": { method: "get", items: (page: Page<"/endusers">) => page.data },
    "/endusers/{userId}/conversations": {
      method: "get",
      items: (page: Page<"/endusers/{userId}/conversations">) => page.data,
    },
    "/search/conversations": {
      method: "post",
      items: (page: Page<"/search/conversations", "post">) => page.data,
    },
  },
} as const satisfies PaginatedOperations<never>;

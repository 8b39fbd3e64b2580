import type { PaginatedOperations } from "@cxkit/runtime";
import type { paths } from "./generated/schema.js";

/** The 2xx JSON body of `GET path` (or `method path`). */
type Page<
  Path extends keyof paths,
  Method extends keyof paths[Path] = "get" & keyof paths[Path],
> = paths[Path][Method] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/**
 * Alpharun's paginated operations: `limit`/`cursor` in the query, `next_cursor` beside `data` (null on
 * the last page). Every operation with a `cursor` query parameter is listed (a test checks the spec).
 * @see https://dev.alpharun.com/api-reference/endpoint/list-contacts
 */
export const alpharunPagination = {
  cursor: "cursor",
  nextCursor: (page: { next_cursor?: string | null }) => page.next_cursor,
  operations: {
    "/contacts": {
      method: "get",
      items: (page: Page<"/contacts">) => page.data.contacts,
    },
    "/contacts/{CONTACT_ID}/customer-interactions": {
      method: "get",
      items: (page: Page<"/contacts/{CONTACT_ID}/customer-interactions">) => page.data.customer_interactions,
    },
  },
} as const satisfies PaginatedOperations<never>;

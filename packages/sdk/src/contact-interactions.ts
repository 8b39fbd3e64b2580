import { alpharunPagination, paginate } from "@cxkit/runtime";
import type { BackfillItem } from "./backfill.js";
import type { SyncContext } from "./sync-context.js";

/**
 * The interactions of an Alpharun contact's account, one page at a time, each with its id and the
 * interaction as listed (so the sync does not fetch it again).
 * @see https://dev.alpharun.com/api-reference/endpoint/list-contact-customer-interactions
 */
export async function* contactInteractions(
  context: SyncContext,
  contactId: string,
): AsyncGenerator<BackfillItem> {
  const interactions = paginate(
    (cursor) =>
      context.alpharun.GET("/contacts/{CONTACT_ID}/customer-interactions", {
        params: { path: { CONTACT_ID: contactId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    { ...alpharunPagination, items: (page) => page.data?.customer_interactions },
  );
  for await (const interaction of interactions) yield { id: interaction.id, interaction };
}

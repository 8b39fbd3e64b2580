import { paginate } from "@cxkit/alpharun";
import type { SyncContext } from "../sync-context.js";
import type { BackfillItem } from "./backfill.js";

/**
 * The interactions of an Alpharun contact's account, one page at a time, each with its id and the
 * interaction as listed (so the sync does not fetch it again).
 * @see https://dev.alpharun.com/api-reference/endpoint/list-contact-customer-interactions
 */
export async function* contactInteractions(
  context: SyncContext,
  contactId: string,
): AsyncGenerator<BackfillItem> {
  const interactions = paginate(context.alpharun, "/contacts/{CONTACT_ID}/customer-interactions", {
    params: { path: { CONTACT_ID: contactId }, query: { limit: 100 } },
  });
  for await (const interaction of interactions) yield { id: interaction.id, interaction };
}

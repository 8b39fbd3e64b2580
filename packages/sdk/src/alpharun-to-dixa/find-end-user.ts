import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import type { InteractionContact } from "../vendor-types.js";
import type { EndUserMatch } from "./sync-report.js";

type Lookup = { matchedBy: EndUserMatch["matchedBy"]; value: string };

/** The Dixa lookups to try, in order: per contact, its email, then phone, then `ext_id` as `externalId`. */
export function endUserLookups(contacts: readonly InteractionContact[]): Lookup[] {
  const lookups: Lookup[] = [];
  const seen = new Set<string>();
  const add = (matchedBy: Lookup["matchedBy"], value: string | undefined) => {
    const trimmed = value?.trim();
    if (!trimmed || seen.has(`${matchedBy}:${trimmed}`)) return;
    seen.add(`${matchedBy}:${trimmed}`);
    lookups.push({ matchedBy, value: trimmed });
  };
  for (const contact of contacts) {
    add("email", contact.email);
    add("phone", contact.phone_number);
    add("externalId", contact.ext_id);
  }
  return lookups;
}

/**
 * Finds the Dixa end user of an Alpharun interaction from its contacts; `undefined` when none matches.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/End-Users/#operation/getEndusers
 */
export async function findEndUser(
  dixa: DixaClient,
  contacts: readonly InteractionContact[],
  signal?: AbortSignal,
): Promise<EndUserMatch | undefined> {
  for (const lookup of endUserLookups(contacts)) {
    const page = unwrap(
      await dixa.GET("/endusers", {
        params: { query: { [lookup.matchedBy]: lookup.value, pageLimit: 1 } },
        signal,
      }),
    );
    const endUser = page.data[0];
    if (endUser) return { id: endUser.id, ...lookup };
  }
  return undefined;
}

import type { AlpharunClient } from "@cxkit/alpharun";
import { NotFoundError, unwrap } from "@cxkit/runtime";
import type { Contact, EndUser } from "../vendor-types.js";
import { CONTACT_ID_PREFIXES, type ContactKey, DEFAULT_CONTACT_LOOKUP } from "./contact-mapping.js";

/** One way to address the Alpharun contact: how it was derived and the contact id it gives. */
export interface ContactLookup {
  matchedBy: "email" | "phone" | "externalId" | "custom";
  /** an Alpharun contact id: a UUID, or `alt:email:`, `alt:phone_number:` or `alt:ext_id:` and a value */
  id: string;
}

/** The lookups to try for an end user, in the mapping's order, each once, skipping keys the end user lacks. */
export function contactLookups(endUser: EndUser, keys: readonly ContactKey[] = DEFAULT_CONTACT_LOOKUP) {
  const lookups: ContactLookup[] = [];
  for (const key of keys) {
    const value =
      typeof key === "function"
        ? key(endUser)?.trim()
        : { email: endUser.email, phone: endUser.phoneNumber, externalId: endUser.externalId }[key]?.trim();
    if (!value) continue;
    const lookup: ContactLookup =
      typeof key === "function"
        ? { matchedBy: "custom", id: value }
        : { matchedBy: key, id: `${CONTACT_ID_PREFIXES[key]}${value}` };
    if (!lookups.some((seen) => seen.id === lookup.id)) lookups.push(lookup);
  }
  return lookups;
}

/** The first lookup Alpharun answers with a contact, or undefined when none does. */
export async function findContact(
  alpharun: AlpharunClient,
  lookups: readonly ContactLookup[],
  signal: AbortSignal | undefined,
): Promise<{ lookup: ContactLookup; contact: Contact } | undefined> {
  for (const lookup of lookups) {
    const contact = await readContact(alpharun, lookup.id, signal);
    if (contact) return { lookup, contact };
  }
  return undefined;
}

/**
 * The contact with this id, or undefined when Alpharun answers 404. Note: `GET /contacts/{CONTACT_ID}`
 * takes only a UUID or `alt:ext_id:`; `alt:email:` and `alt:phone_number:` are documented for
 * `PATCH /contacts` alone, so those are read with a PATCH that names the contact and nothing to
 * change: Alpharun answers the contact as it is, or 404.
 * @see https://dev.alpharun.com/api-reference/endpoint/fetch-contact
 * @see https://dev.alpharun.com/api-reference/endpoint/update-contact
 */
async function readContact(
  alpharun: AlpharunClient,
  id: string,
  signal: AbortSignal | undefined,
): Promise<Contact | undefined> {
  try {
    if (/^alt:(email|phone_number):/.test(id)) {
      return unwrap(await alpharun.PATCH("/contacts", { body: { id }, signal }));
    }
    return unwrap(
      await alpharun.GET("/contacts/{CONTACT_ID}", { params: { path: { CONTACT_ID: id } }, signal }),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** The email, else the phone number, a contact can be created with (Alpharun needs one of them). */
export function creationKey(endUser: EndUser): string | undefined {
  return endUser.email?.trim() || endUser.phoneNumber?.trim() || undefined;
}

/**
 * Creates the Alpharun contact of a Dixa end user with its email, phone number and names (no custom
 * fields: those are planned against Alpharun's answer, like for a contact that was found).
 * @see https://dev.alpharun.com/api-reference/endpoint/create-contact
 */
export async function createContact(
  alpharun: AlpharunClient,
  endUser: EndUser,
  signal: AbortSignal | undefined,
): Promise<Contact> {
  const email = endUser.email?.trim();
  const phone = endUser.phoneNumber?.trim();
  const extra = {
    ...(endUser.firstName ? { first_name: endUser.firstName } : {}),
    ...(endUser.lastName ? { last_name: endUser.lastName } : {}),
  };
  if (!email && !phone) throw new Error(`Dixa end user ${endUser.id} has no email or phone number`);
  const body = email
    ? { email, ...(phone ? { phone_number: phone } : {}), ...extra }
    : { phone_number: phone as string, ...extra };
  return unwrap(await alpharun.POST("/contacts", { body, signal }));
}

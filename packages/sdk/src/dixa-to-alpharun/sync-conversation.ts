import { settle, stage } from "../failure.js";
import { blocked, notWrittenReason } from "../mapping-failure.js";
import { skipReasonOf } from "../outcome.js";
import type { SyncContext } from "../sync-context.js";
import { type ContactMapping, DEFAULT_CONTACT_MAPPING, readsOf } from "./contact-mapping.js";
import type { ContactFieldReport, ContactMatch, ContactSyncReport } from "./contact-sync-report.js";
import { contactLookups, createContact, creationKey, findContact } from "./find-contact.js";
import { patchContact } from "./patch-contact.js";
import { planContactFields } from "./plan-contact-fields.js";
import { readConversation } from "./read-conversation.js";

export interface ConversationSyncOptions {
  /**
   * how the contact is found and which of its custom fields get what; every field must be one the
   * contact has, or nothing is written (default: `DEFAULT_CONTACT_MAPPING`, writing the fields the contact has)
   */
  mapping?: ContactMapping;
  /**
   * plan and report without writing to Alpharun (default false). Note: a lookup by email or phone
   * still sends its `PATCH /contacts` that names the contact and changes nothing.
   */
  dryRun?: boolean;
  /** create the Alpharun contact (`POST /contacts`) when none matches; else the conversation is skipped (default false) */
  createContact?: boolean;
  /** clear a contact field when Dixa has no value; `false` leaves it as it is (default true) */
  clearEmpty?: boolean;
  /** aborts the sync's requests; what was written before is in the report (default: none) */
  signal?: AbortSignal;
}

/**
 * Syncs one Dixa conversation onto the Alpharun contact of its end user: reads the conversation as
 * Dixa holds it now, finds (or creates) the contact, and writes the mapped custom fields whose
 * values changed. Per-item problems are in the report, never thrown.
 */
export async function syncConversation(
  context: SyncContext,
  conversationId: number,
  options: ConversationSyncOptions = {},
): Promise<ContactSyncReport> {
  const base = { conversationId, dryRun: options.dryRun ?? false, fields: [] };
  return settle<Omit<ContactSyncReport, "status">>(
    base,
    () => sync(context, conversationId, options),
    (report) =>
      skipReasonOf(report, "the Alpharun contact already holds every value", {
        code: "not-mapped",
        message: "the contact mapping has no fields",
      }),
  );
}

async function sync(
  context: SyncContext,
  conversationId: number,
  options: ConversationSyncOptions,
): Promise<Omit<ContactSyncReport, "status" | "conversationId" | "dryRun">> {
  const { signal, dryRun = false } = options;
  const mapping: ContactMapping = options.mapping ?? DEFAULT_CONTACT_MAPPING;
  const facts = await stage("fetch-conversation", () =>
    readConversation(context.dixa, conversationId, readsOf(mapping), signal),
  );
  const lookups = contactLookups(facts.endUser, mapping.lookup);
  const found = await stage("find-contact", () => findContact(context.alpharun, lookups, signal));
  let contact = found?.contact;
  let match: ContactMatch | undefined = found && {
    ...(found.contact.id ? { id: found.contact.id } : {}),
    matchedBy: found.lookup.matchedBy,
    lookup: found.lookup.id,
  };
  if (!found) {
    const key = creationKey(facts.endUser);
    if (!options.createContact || !key) {
      const tried = lookups.map((lookup) => lookup.id).join(", ");
      const message = `no Alpharun contact matches ${tried || "the Dixa end user (it has no email or phone number)"}${
        options.createContact ? ", and without an email or phone number none can be created" : ""
      }`;
      return { reason: { code: "contact-not-found", message }, fields: [] };
    }
    if (!dryRun)
      contact = await stage("create-contact", () => createContact(context.alpharun, facts.endUser, signal));
    match = {
      ...(contact?.id ? { id: contact.id } : {}),
      matchedBy: "created",
      lookup: key,
      created: dryRun ? "planned" : true,
    };
  }
  const where = match ? { contact: match } : {};
  const plan = planContactFields(mapping, facts, contact, {
    explicit: options.mapping !== undefined,
    clearEmpty: options.clearEmpty ?? true,
  });
  const stopped = blocked(plan.fields, notWritten);
  if (stopped) return { ...where, ...stopped };
  const write = !dryRun && contact && (plan.set.length > 0 || plan.remove.length > 0);
  const id = contact?.id ?? found?.lookup.id;
  const fields = write && id ? await patchContact(context.alpharun, id, plan, signal) : plan.fields;
  return { ...where, fields };
}

function notWritten({ key, source, value }: ContactFieldReport): ContactFieldReport {
  return { key, source, value, status: "skipped", reason: notWrittenReason("Alpharun") };
}

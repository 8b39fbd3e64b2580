import type { AlpharunClient } from "@cxkit/alpharun";
import { unwrap } from "@cxkit/runtime";
import { passConfigurationErrors } from "../errors.js";
import { toFailure } from "../failure.js";
import type { ContactFieldReport } from "./contact-sync-report.js";
import type { ContactPlan } from "./plan-contact-fields.js";

/**
 * Writes the planned fields in one `PATCH /contacts` (values in `set`, clears in `remove`). Each
 * planned field becomes applied, or failed with the PATCH's error; a set key missing from Alpharun's
 * answer failed too (Alpharun ignores keys it has no custom field for).
 * Note: the PATCH sets the given fields only, so repeating it is harmless.
 * @see https://dev.alpharun.com/api-reference/endpoint/update-contact
 */
export async function patchContact(
  alpharun: AlpharunClient,
  contactId: string,
  plan: ContactPlan,
  signal: AbortSignal | undefined,
): Promise<ContactFieldReport[]> {
  const custom_fields = {
    ...(plan.set.length > 0 ? { set: plan.set } : {}),
    ...(plan.remove.length > 0 ? { remove: plan.remove } : {}),
  };
  let stored: Set<string>;
  try {
    const answer = unwrap(
      await alpharun.PATCH("/contacts", { body: { id: contactId, custom_fields }, signal }),
    );
    stored = new Set((answer.custom_fields ?? []).flatMap((field) => (field.key ? [field.key] : [])));
  } catch (error) {
    const failure = toFailure("patch-contact", passConfigurationErrors(error));
    return plan.fields.map((field) =>
      field.status === "planned" ? { ...field, status: "failed", error: failure } : field,
    );
  }
  return plan.fields.map((field): ContactFieldReport => {
    if (field.status !== "planned") return field;
    if (field.alpharunValue === null || stored.has(field.key)) return { ...field, status: "applied" };
    const message = `Alpharun did not store "${field.key}": create a contact custom field with that key in the Alpharun dashboard`;
    return {
      ...field,
      status: "failed",
      error: { stage: "patch-contact", name: "FieldIgnoredError", message },
    };
  });
}

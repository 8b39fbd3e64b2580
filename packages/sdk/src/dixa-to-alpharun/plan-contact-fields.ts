import { toFailure } from "../failure.js";
import { mappingError, mappingMessage } from "../mapping-failure.js";
import type { Contact } from "../vendor-types.js";
import {
  type ContactMapping,
  type ContactValue,
  type ConversationFacts,
  resolveRule,
} from "./contact-mapping.js";
import type { ContactFieldReport } from "./contact-sync-report.js";

/** What to write onto the contact, as the `custom_fields` of one `PATCH /contacts`, and a report entry per field. */
export interface ContactPlan {
  set: { key: string; value: string }[];
  remove: string[];
  fields: ContactFieldReport[];
}

export interface ContactPlanOptions {
  /** the user gave the mapping: a key the contact does not have is a configuration error */
  explicit: boolean;
  /** clear a field when Dixa has no value; else skip it */
  clearEmpty: boolean;
}

/**
 * Decides what to write for each field of the mapping: reads the value from the facts, turns it into
 * text, and skips values the contact already holds, so a re-run writes nothing. `contact` undefined
 * (a dry run that would create it) plans every field as new. Note: Alpharun lists no custom field
 * definitions; the contact's answer lists its custom fields (with their `type` and `display_name`),
 * and a key missing there is one Alpharun does not know.
 */
export function planContactFields(
  mapping: ContactMapping,
  facts: ConversationFacts,
  contact: Contact | undefined,
  options: ContactPlanOptions,
): ContactPlan {
  const plan: ContactPlan = { set: [], remove: [], fields: [] };
  const current = new Map(
    (contact?.custom_fields ?? []).flatMap((field) => (field.key ? [[field.key, field]] : [])),
  );
  for (const [key, rule] of Object.entries(mapping.fields)) {
    const { source, read } = resolveRule(rule);
    let value: ContactValue;
    try {
      value = read(facts);
    } catch (error) {
      plan.fields.push({ key, source, status: "failed", error: toFailure("transform", error) });
      continue;
    }
    const base = { key, source, value };
    if (contact && !current.has(key)) {
      const why = `the Alpharun contact has no custom field "${key}" (create it in the Alpharun dashboard)`;
      const error = mappingError([{ message: mappingMessage(key, source, why) }]);
      if (options.explicit) plan.fields.push({ ...base, status: "failed", error });
      else plan.fields.push({ ...base, status: "skipped", reason: { code: "unknown-field", message: why } });
      continue;
    }
    const next = toText(value);
    if (next === undefined) {
      const message = `${JSON.stringify(value)} cannot be written as text`;
      plan.fields.push({
        ...base,
        status: "failed",
        error: { stage: "convert", name: "ValueError", message },
      });
      continue;
    }
    const held = current.get(key)?.value;
    const now = held === undefined || held === null || held === "" ? null : String(held);
    if (next === null && !options.clearEmpty) {
      const message = `Dixa has no value; with clearEmpty off, "${key}" keeps its value`;
      plan.fields.push({ ...base, status: "skipped", reason: { code: "empty-value", message } });
    } else if (now === next) {
      const message = `the contact already has ${JSON.stringify(next)} in "${key}"`;
      plan.fields.push({ ...base, status: "skipped", reason: { code: "unchanged", message } });
    } else {
      if (next === null) plan.remove.push(key);
      else plan.set.push({ key, value: next });
      plan.fields.push({ ...base, status: "planned", alpharunValue: next });
    }
  }
  return plan;
}

/** A value as the text Alpharun stores (lists joined with ", "), null when empty, undefined when it has no text form. */
function toText(value: ContactValue): string | null | undefined {
  if (value === null || value === "") return null;
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.length === 0 ? null : value.join(", ");
  }
  return undefined;
}

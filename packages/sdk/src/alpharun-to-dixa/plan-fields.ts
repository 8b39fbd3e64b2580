import { toFailure } from "../failure.js";
import { mappingError, mappingMessage } from "../mapping-failure.js";
import type { FailureInfo } from "../outcome.js";
import type { DixaAttributeValue } from "../vendor-types.js";
import type { AttributeIndex } from "./attribute-definitions.js";
import { toAttributeValue } from "./attribute-value.js";
import type { ResolvedField } from "./field-mapping.js";
import type { FieldReport } from "./sync-report.js";

/** What to write, as two Dixa PATCH bodies, and a report entry (planned, skipped or failed) per field. */
export interface FieldPlan {
  /** the values to set, by attribute id */
  values: Record<string, Exclude<DixaAttributeValue, null>>;
  /** the attributes to clear (sent as `null`, after the values), by attribute id */
  clears: Record<string, null>;
  fields: FieldReport[];
}

/** How the fields are planned. */
export interface PlanOptions {
  /** the user gave the mapping: a field it maps to an attribute that cannot take the value is a configuration error */
  explicit: boolean;
  /** clear an attribute when Alpharun extracted no value; else skip the field */
  clearEmpty: boolean;
}

/**
 * Decides what to write for each mapped field: resolves the attribute, converts the value, and skips
 * values the conversation already holds (`current`, by attribute id) so a re-run writes nothing.
 */
export function planFields(
  resolved: readonly ResolvedField[],
  attributes: AttributeIndex,
  current: ReadonlyMap<string, unknown>,
  options: PlanOptions,
): FieldPlan {
  const plan: FieldPlan = { values: {}, clears: {}, fields: [] };
  for (const entry of resolved) {
    if ("skip" in entry) {
      const { key, value, attribute, skip: reason } = entry;
      plan.fields.push({ key, value, attribute, status: "skipped", reason });
      continue;
    }
    const { key, value, rule } = entry;
    const base = { key, value, attribute: rule.attribute };
    const found = attributes.lookup(rule.attribute);
    if ("skip" in found) {
      plan.fields.push({ ...base, status: "skipped", reason: found.skip });
      continue;
    }
    const attributeId = found.definition.id;
    let mapped: ReturnType<NonNullable<typeof rule.transform>>;
    try {
      mapped = rule.transform ? rule.transform(value, entry.field) : value;
    } catch (error) {
      plan.fields.push({ ...base, attributeId, status: "failed", error: toFailure("transform", error) });
      continue;
    }
    const converted = toAttributeValue(found.definition, mapped);
    if (!converted.ok) {
      const error = unwritable(key, rule.attribute, converted.reason.message, options.explicit);
      plan.fields.push({ ...base, attributeId, status: "failed", error });
      continue;
    }
    const next = converted.value;
    if (next === null && !options.clearEmpty) {
      const message = `Alpharun extracted no value; with clearEmpty off, "${rule.attribute}" keeps its value`;
      plan.fields.push({ ...base, status: "skipped", reason: { code: "empty-value", message } });
      continue;
    }
    if (sameValue(current.get(attributeId), next)) {
      const message = `the conversation already has ${JSON.stringify(next)} in "${rule.attribute}"`;
      plan.fields.push({ ...base, status: "skipped", reason: { code: "unchanged", message } });
      continue;
    }
    if (attributeId in plan.values || attributeId in plan.clears) {
      const message = `another field already writes "${rule.attribute}" in this sync`;
      plan.fields.push({ ...base, status: "skipped", reason: { code: "unsupported-value", message } });
      continue;
    }
    if (next === null) plan.clears[attributeId] = null;
    else plan.values[attributeId] = next;
    plan.fields.push({ ...base, attributeId, status: "planned", dixaValue: next });
  }
  return plan;
}

/** A value the attribute cannot take: a configuration error under an explicit mapping. */
function unwritable(key: string, attribute: string, why: string, explicit: boolean): FailureInfo {
  return explicit
    ? mappingError([{ message: mappingMessage(key, attribute, why) }])
    : { stage: "convert", name: "ValueError", message: why };
}

/** Whether the conversation's current value equals the one to write (absent counts as null). */
function sameValue(current: unknown, next: DixaAttributeValue): boolean {
  const now = current === undefined || (Array.isArray(current) && current.length === 0) ? null : current;
  if (next === null || now === null) return now === next;
  if (typeof next === "string") return now === next;
  return Array.isArray(now) && now.length === next.length && now.every((step, i) => step === next[i]);
}

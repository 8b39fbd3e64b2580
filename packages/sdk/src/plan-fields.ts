import type { AttributeIndex } from "./attribute-definitions.js";
import { toAttributeValue } from "./attribute-value.js";
import { toFailure } from "./failure.js";
import type { ResolvedField } from "./field-mapping.js";
import type { FieldReport } from "./report.js";
import type { DixaAttributeValue } from "./vendor-types.js";

/** The fields to write, as a Dixa PATCH body, and a report entry (planned or skipped) for every field. */
export interface FieldPlan {
  patch: Record<string, DixaAttributeValue>;
  fields: FieldReport[];
}

/**
 * Decides what to write for each mapped field: resolves the attribute, converts the value, and skips
 * values the conversation already holds (`current`, by attribute id) so a re-run writes nothing.
 */
export function planFields(
  resolved: readonly ResolvedField[],
  attributes: AttributeIndex,
  current: ReadonlyMap<string, unknown>,
): FieldPlan {
  const patch: Record<string, DixaAttributeValue> = {};
  const fields: FieldReport[] = [];
  for (const entry of resolved) {
    if ("skip" in entry) {
      fields.push({
        key: entry.key,
        value: entry.value,
        attribute: entry.attribute,
        status: "skipped",
        reason: entry.skip,
      });
      continue;
    }
    const { key, value, rule } = entry;
    const base = { key, value, attribute: rule.attribute };
    const found = attributes.lookup(rule.attribute);
    if ("skip" in found) {
      fields.push({ ...base, status: "skipped", reason: found.skip });
      continue;
    }
    const attributeId = found.definition.id;
    let mapped: ReturnType<NonNullable<typeof rule.transform>>;
    try {
      mapped = rule.transform ? rule.transform(value, entry.field) : value;
    } catch (error) {
      fields.push({ ...base, attributeId, status: "failed", error: toFailure("transform", error) });
      continue;
    }
    const converted = toAttributeValue(found.definition, mapped);
    if (!converted.ok) {
      fields.push({ ...base, status: "skipped", reason: converted.reason });
      continue;
    }
    if (sameValue(current.get(attributeId), converted.value)) {
      const message = `the conversation already has ${JSON.stringify(converted.value)} in "${rule.attribute}"`;
      fields.push({ ...base, status: "skipped", reason: { code: "unchanged", message } });
      continue;
    }
    if (attributeId in patch) {
      const message = `another field already writes "${rule.attribute}" in this sync`;
      fields.push({ ...base, status: "skipped", reason: { code: "unsupported-value", message } });
      continue;
    }
    patch[attributeId] = converted.value;
    fields.push({ ...base, attributeId, status: "planned", dixaValue: converted.value });
  }
  return { patch, fields };
}

/** Whether the conversation's current value equals the one to write (absent counts as null). */
function sameValue(current: unknown, next: DixaAttributeValue): boolean {
  const now = current === undefined || (Array.isArray(current) && current.length === 0) ? null : current;
  if (next === null || now === null) return now === next;
  if (typeof next === "string") return now === next;
  return Array.isArray(now) && now.length === next.length && now.every((step, i) => step === next[i]);
}

import type { SkipReason } from "../outcome.js";
import type { AlpharunValue, DataExtractionField } from "../vendor-types.js";
import type { MappedValue } from "./attribute-value.js";

/** How one Alpharun field lands on Dixa. */
export interface FieldRule {
  /** `identifier` of the Dixa conversation custom attribute to write (required) */
  attribute: string;
  /**
   * Changes the value before it is converted for Dixa, e.g. `(v) => Math.round(Number(v))`; may return
   * a Select option path such as `["payment", "card"]`. A throw fails the field. (default: none)
   */
  transform?: (value: AlpharunValue, field: DataExtractionField) => MappedValue;
}

/**
 * Alpharun data extraction field `key` → Dixa attribute `identifier`, or a rule with a transform.
 * Without a mapping, every extracted field maps to the Dixa attribute with the same identifier.
 */
export type FieldMapping = Readonly<Record<string, string | FieldRule>>;

/** Declares a mapping with its keys kept as literal types. */
export function defineFieldMapping<const M extends FieldMapping>(mapping: M): M {
  return mapping;
}

/** A field the mapping sends to Dixa. */
export interface MappedField {
  key: string;
  value: AlpharunValue;
  field: DataExtractionField;
  rule: FieldRule;
}

export type ResolvedField =
  | MappedField
  | { key: string; value?: AlpharunValue; attribute?: string; skip: SkipReason };

/** Pairs the interaction's extracted fields with the mapping; fields on one side only become skips. */
export function resolveMapping(
  fields: readonly DataExtractionField[],
  mapping: FieldMapping | undefined,
): ResolvedField[] {
  const resolved: ResolvedField[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    const key = field.key;
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const value = field.value ?? null;
    const entry = mapping === undefined ? key : mapping[key];
    if (entry === undefined) {
      resolved.push({
        key,
        value,
        skip: { code: "not-mapped", message: `"${key}" is not in the field mapping` },
      });
      continue;
    }
    resolved.push({ key, value, field, rule: typeof entry === "string" ? { attribute: entry } : entry });
  }
  for (const [key, entry] of Object.entries(mapping ?? {})) {
    if (seen.has(key)) continue;
    const attribute = typeof entry === "string" ? entry : entry.attribute;
    const message = `the interaction has no extracted field "${key}"`;
    resolved.push({ key, attribute, skip: { code: "not-extracted", message } });
  }
  return resolved;
}

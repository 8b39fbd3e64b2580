import { MappingError } from "../errors.js";
import { mappingError, mappingMessage, notWrittenReason } from "../mapping-failure.js";
import type { SkipCode } from "../outcome.js";
import type { SyncContext } from "../sync-context.js";
import { type AttributeIndex, attributeDefinitions } from "./attribute-definitions.js";
import { canWrite } from "./attribute-value.js";
import type { FieldMapping, ResolvedField } from "./field-mapping.js";
import type { FieldReport, MappingProblem, SyncReport } from "./sync-report.js";

/**
 * Checks every entry of an explicit mapping against Dixa's attribute definitions, whatever an
 * interaction extracted: each must name a live conversation attribute of a kind the SDK can write,
 * and no two may name the same one.
 */
export function checkMapping(mapping: FieldMapping, attributes: AttributeIndex): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const targets = new Map<string, string>();
  for (const [key, entry] of Object.entries(mapping)) {
    const attribute = typeof entry === "string" ? entry : entry.attribute;
    const problem = (code: SkipCode, why: string) =>
      problems.push({ key, attribute, code, message: mappingMessage(key, attribute, why) });
    const found = attributes.lookup(attribute);
    if ("skip" in found) problem(found.skip.code, found.skip.message);
    else if (!canWrite(found.definition)) {
      problem("unsupported-value", `"${attribute}" has an input type the SDK cannot write`);
    }
    const other = targets.get(attribute);
    if (other !== undefined) problem("unsupported-value", `"${other}" is mapped to "${attribute}" too`);
    else targets.set(attribute, key);
  }
  return problems;
}

/** Throws `MappingError` when an explicit mapping does not fit Dixa's attribute definitions. */
export async function assertMappingFits(context: SyncContext, mapping: FieldMapping): Promise<void> {
  const attributes = await attributeDefinitions(context.dixa, context.attributeCacheTtlMs);
  const problems = checkMapping(mapping, attributes);
  if (problems.length > 0) throw new MappingError(problems);
}

/** The report of a mapping whose entries do not fit Dixa: those fail, the rest are not written. */
export function mappingFailed(
  resolved: readonly ResolvedField[],
  problems: readonly MappingProblem[],
): Pick<SyncReport, "fields" | "error"> {
  const fields = resolved.map((entry): FieldReport => {
    const attribute = "skip" in entry ? entry.attribute : entry.rule.attribute;
    const problem = problems.find((candidate) => candidate.key === entry.key);
    const base = { key: entry.key, value: entry.value, attribute };
    if (problem)
      return { ...base, attribute: problem.attribute, status: "failed", error: mappingError([problem]) };
    return "skip" in entry ? { ...base, status: "skipped", reason: entry.skip } : notWritten(base);
  });
  return { fields, error: mappingError(problems) };
}

/** A field left unwritten because the mapping does not fit Dixa. */
export function notWritten({
  key,
  value,
  attribute,
}: Pick<FieldReport, "key" | "value" | "attribute">): FieldReport {
  return { key, value, attribute, status: "skipped", reason: notWrittenReason("Dixa") };
}

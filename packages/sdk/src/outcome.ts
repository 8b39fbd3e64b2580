// The words both directions report in: outcome statuses, skip reasons and failures, and the rules
// that turn a report's parts into its status.

/** Why a field, a write-back or a whole interaction was skipped. */
export type SkipCode =
  /** the Alpharun field has no entry in the mapping */
  | "not-mapped"
  /** the mapping names a field the interaction did not extract */
  | "not-extracted"
  /** no Dixa custom attribute has the mapped identifier */
  | "unknown-attribute"
  /** the Dixa attribute belongs to contacts, not conversations */
  | "not-a-conversation-attribute"
  | "archived"
  | "deactivated"
  /** a Select attribute has no option matching the value */
  | "no-matching-option"
  /** the value cannot be written to this kind of attribute */
  | "unsupported-value"
  /** Alpharun extracted no value, and `clearEmpty` is off, so the attribute keeps its value */
  | "empty-value"
  /** not written: another field's mapping does not fit Dixa (see the failed fields) */
  | "mapping-error"
  /** Dixa (or Alpharun) already holds this value */
  | "unchanged"
  /** Alpharun accepted the write-back but ignored its key (no such custom field defined) */
  | "write-back-ignored"
  /** no Dixa end user matches any contact of the interaction */
  | "end-user-not-found"
  /** the end user has no conversation */
  | "no-conversation"
  /** no Alpharun contact matches the Dixa end user (and `createContact` is off) */
  | "contact-not-found"
  /** the Alpharun contact has no custom field with the mapped key (default mapping only) */
  | "unknown-field"
  /** a Dixa webhook event the sync was not asked to act on (see `dixaEvents`), or one cxkit does not know */
  | "event-not-synced";

export interface SkipReason {
  code: SkipCode;
  /** a sentence for people, naming the values involved */
  message: string;
}

/** Where in the workflow a failure happened. */
export type FailureStage =
  | "fetch-interaction"
  | "find-end-user"
  | "pick-conversation"
  | "attribute-definitions"
  | "patch-conversation"
  | "write-back"
  /** Dixa -> Alpharun: reading the conversation, its end user, tags or ratings */
  | "fetch-conversation"
  /** Dixa -> Alpharun: looking the Alpharun contact up */
  | "find-contact"
  /** Dixa -> Alpharun: creating the Alpharun contact (`createContact`) */
  | "create-contact"
  /** Dixa -> Alpharun: writing the contact's custom fields */
  | "patch-contact"
  | "transform"
  /** an explicit mapping that does not fit Dixa: a configuration error, so nothing was written */
  | "mapping"
  /** a value the mapped Dixa attribute (or Alpharun field) cannot take */
  | "convert";

/** A failure, as plain data (so reports serialize to JSON and checkpoints). */
export interface FailureInfo {
  stage: FailureStage;
  /** the error's class name, e.g. `RateLimitError` (`MappingError` and `ValueError` for the stages `mapping` and `convert`) */
  name: string;
  message: string;
  /** HTTP status, when the failure was an API response */
  status?: number;
  /** the request id of the failed call (the vendor's, or a generated `local-...`), when there was a call */
  requestId?: string;
  /** seconds the vendor asked to wait before trying again (a 429's `Retry-After`), when it said */
  retryAfter?: number;
}

/** `planned` only appears in dry runs: the value that would be written. */
export type OutcomeStatus = "applied" | "planned" | "skipped" | "failed";

/** A part of a report (a field, a write-back): its status, with the reason when skipped and the error when failed. */
export type ReportPart =
  | { status: "applied" | "planned" }
  | { status: "skipped"; reason: SkipReason }
  | { status: "failed"; error: FailureInfo };

/** What a report's status is derived from. */
export interface ReportParts {
  fields: readonly ReportPart[];
  writeBack?: ReportPart | undefined;
  /** the failure that stopped the sync */
  error?: FailureInfo | undefined;
  /** why the whole item was skipped */
  reason?: SkipReason | undefined;
}

/**
 * A report's status from its parts: `failed` if anything failed; else `applied` if a field was
 * written; else `planned` if a field would be (dry run); else `skipped`. A write-back alone never
 * makes an item `applied`.
 */
export function summarizeStatus(report: ReportParts): OutcomeStatus {
  const fields = report.fields.map((field) => field.status);
  if (report.error || fields.includes("failed") || report.writeBack?.status === "failed") return "failed";
  if (fields.includes("applied")) return "applied";
  if (fields.includes("planned")) return "planned";
  return "skipped";
}

/**
 * Whether the sync meant to write this field: one it wrote, planned, failed to write, or found
 * already equal. A field skipped for any other reason (not mapped, no such target under the
 * default mapping, `clearEmpty` off, ...) was never going to be written.
 */
export function meantToWrite(field: ReportPart): boolean {
  return field.status !== "skipped" || field.reason.code === "unchanged";
}

/** The first failure of a failed item: the sync's own, else a field's, else the write-back's. */
export function firstFailure(report: ReportParts): FailureInfo | undefined {
  if (report.error) return report.error;
  for (const field of report.fields) if (field.status === "failed") return field.error;
  return report.writeBack?.status === "failed" ? report.writeBack.error : undefined;
}

/**
 * Why an item with nothing written or planned was skipped: its own reason, else the first part's
 * reason other than `unchanged`, else `unchanged` (`unchanged` names the target), else `nothing`.
 */
export function skipReasonOf(
  report: ReportParts,
  unchanged: string,
  nothing: SkipReason,
): SkipReason | undefined {
  if (report.reason || summarizeStatus(report) !== "skipped") return undefined;
  const parts = [...report.fields, ...(report.writeBack ? [report.writeBack] : [])];
  const reasons = parts.flatMap((part) => (part.status === "skipped" ? [part.reason] : []));
  return (
    reasons.find((reason) => reason.code !== "unchanged") ??
    (reasons.length > 0 ? { code: "unchanged", message: unchanged } : nothing)
  );
}

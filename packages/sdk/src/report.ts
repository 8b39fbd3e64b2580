import type { AlpharunValue, DixaAttributeValue } from "./vendor-types.js";

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
  | "no-conversation";

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
  | "transform"
  /** an explicit mapping that does not fit Dixa: a configuration error, so nothing was written */
  | "mapping"
  /** a value the mapped Dixa attribute cannot take */
  | "convert";

/** A failure, as plain data (so reports serialize to JSON and checkpoints). */
export interface FailureInfo {
  stage: FailureStage;
  /** the error's class name, e.g. `RateLimitError` (`MappingError` and `ValueError` for the stages `mapping` and `convert`) */
  name: string;
  message: string;
  /** HTTP status, when the failure was an API response */
  status?: number;
}

/** `planned` only appears in dry runs: the value that would be written. */
export type OutcomeStatus = "applied" | "planned" | "skipped" | "failed";

interface FieldReportBase {
  /** the Alpharun data extraction field key */
  key: string;
  /** the Alpharun value (`undefined` when not extracted) */
  value?: AlpharunValue;
  /** the Dixa attribute identifier the key maps to */
  attribute?: string;
}

/** What happened to one mapped field. */
export type FieldReport =
  | (FieldReportBase & {
      status: "applied" | "planned";
      attribute: string;
      attributeId: string;
      dixaValue: DixaAttributeValue;
    })
  | (FieldReportBase & { status: "skipped"; reason: SkipReason })
  | (FieldReportBase & {
      status: "failed";
      attribute: string;
      attributeId?: string;
      dixaValue?: DixaAttributeValue;
      error: FailureInfo;
    });

/** What happened to the Alpharun write-back of the Dixa conversation id. */
export type WriteBackReport =
  | { status: "applied" | "planned"; key: string; value: string | number }
  | { status: "skipped"; key: string; value?: string | number; reason: SkipReason }
  | { status: "failed"; key: string; value: string | number; error: FailureInfo };

/** How the Dixa end user was found. */
export interface EndUserMatch {
  id: string;
  matchedBy: "email" | "phone" | "externalId";
  /** the contact value that matched */
  value: string;
}

/** The outcome of syncing one Alpharun customer interaction. */
export interface SyncReport {
  interactionId: string;
  /**
   * `failed` if anything failed (a field, the write-back, or the sync itself); else `applied` if a
   * field was written, which means every field the sync meant to write was written or already equal;
   * else `planned` in a dry run with a field to write; else `skipped`. The write-back alone never
   * makes an interaction `applied`.
   */
  status: OutcomeStatus;
  dryRun: boolean;
  endUser?: EndUserMatch;
  conversationId?: number;
  /** `explicit` when `conversationId` was given, else the end user's most recent conversation */
  conversationSource?: "explicit" | "most-recent";
  fields: FieldReport[];
  writeBack?: WriteBackReport;
  /** why the whole interaction was skipped */
  reason?: SkipReason;
  /** the failure that stopped the sync before its fields were written (stage `mapping`: a configuration error) */
  error?: FailureInfo;
}

/** Derives an interaction's status from its parts (see `SyncReport.status`). */
export function summarizeStatus(report: Omit<SyncReport, "status">): OutcomeStatus {
  const fields = report.fields.map((field) => field.status);
  if (report.error || fields.includes("failed") || report.writeBack?.status === "failed") return "failed";
  if (fields.includes("applied")) return "applied";
  if (fields.includes("planned")) return "planned";
  return "skipped";
}

/**
 * Whether the sync meant to write this field: one it wrote, planned, failed to write, or found
 * already equal. A field skipped for any other reason (not mapped, no such attribute under the
 * default mapping, `clearEmpty` off, ...) was never going to be written.
 */
export function meantToWrite(field: FieldReport): boolean {
  return field.status !== "skipped" || field.reason.code === "unchanged";
}

/** The first failure of a failed interaction: the sync's own, else a field's, else the write-back's. */
export function firstFailure(report: SyncReport): FailureInfo | undefined {
  if (report.error) return report.error;
  for (const field of report.fields) if (field.status === "failed") return field.error;
  return report.writeBack?.status === "failed" ? report.writeBack.error : undefined;
}

/** One entry of an explicit mapping that does not fit Dixa's attribute definitions. */
export interface MappingProblem {
  /** the Alpharun field key */
  key: string;
  /** the Dixa attribute identifier it is mapped to */
  attribute: string;
  code: SkipCode;
  /** names the entry as `key=attribute` and says what is wrong */
  message: string;
}

/** Running counts of a backfill. */
export interface BackfillProgress {
  /** interactions accounted for so far */
  done: number;
  applied: number;
  skipped: number;
  failed: number;
  /** dry runs only: interactions with something to write */
  planned: number;
  /** of `done`, those whose outcome came from the checkpoint */
  resumed: number;
  /** interactions being synced right now */
  inFlight: number;
}

export interface BackfillReport extends Omit<BackfillProgress, "inFlight" | "done"> {
  /** `applied + skipped + failed + planned` */
  total: number;
  dryRun: boolean;
  /** skipped interactions by reason */
  skipReasons: Partial<Record<SkipCode, number>>;
  /** the first `maxListedFailures` failures */
  failures: { interactionId: string; error: FailureInfo }[];
  /** failures beyond `maxListedFailures`, counted but not listed */
  unlistedFailures: number;
  /** true when the run stopped before the source was exhausted (`signal`, or a `BackfillInterruptedError`) */
  aborted: boolean;
  checkpoint?: string;
  durationMs: number;
}

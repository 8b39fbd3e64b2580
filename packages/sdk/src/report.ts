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
  | "transform";

/** A failure, as plain data (so reports serialize to JSON and checkpoints). */
export interface FailureInfo {
  stage: FailureStage;
  /** the error's class name, e.g. `RateLimitError` */
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
   * `failed` if anything failed; else `applied` if anything was written; else `planned` in a dry run
   * with something to write; else `skipped`.
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
  /** the failure that stopped the sync before its fields were written */
  error?: FailureInfo;
}

/** Derives an interaction's status from its parts (see `SyncReport.status`). */
export function summarizeStatus(report: Omit<SyncReport, "status">): OutcomeStatus {
  const parts = [...report.fields.map((field) => field.status), report.writeBack?.status];
  if (report.error || parts.includes("failed")) return "failed";
  if (parts.includes("applied")) return "applied";
  if (parts.includes("planned")) return "planned";
  return "skipped";
}

/** The first failure of a failed interaction: the sync's own, else a field's, else the write-back's. */
export function firstFailure(report: SyncReport): FailureInfo | undefined {
  if (report.error) return report.error;
  for (const field of report.fields) if (field.status === "failed") return field.error;
  return report.writeBack?.status === "failed" ? report.writeBack.error : undefined;
}

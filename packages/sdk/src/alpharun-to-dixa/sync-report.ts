// What the Alpharun -> Dixa sync and backfill report.
import type { FailureInfo, OutcomeStatus, SkipCode, SkipReason } from "../outcome.js";
import type { AlpharunValue, DixaAttributeValue } from "../vendor-types.js";

interface FieldReportBase {
  /** the Alpharun data extraction field key */
  key: string;
  /** the Alpharun value (`undefined` when not extracted) */
  value?: AlpharunValue | undefined;
  /** the Dixa attribute identifier the key maps to */
  attribute?: string | undefined;
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

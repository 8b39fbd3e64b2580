// What the Dixa -> Alpharun sync reports.
import type { FailureInfo, OutcomeStatus, SkipReason } from "../outcome.js";
import type { ContactValue } from "./contact-mapping.js";

interface ContactFieldBase {
  /** the Alpharun contact custom field key */
  key: string;
  /** where the value comes from: a fact (`status`), `attribute:<identifier>` or `value()` */
  source: string;
  /** the value read from Dixa (`undefined` when it could not be read) */
  value?: ContactValue | undefined;
}

/** What happened to one field of the contact mapping. `alpharunValue` null means the field is cleared. */
export type ContactFieldReport =
  | (ContactFieldBase & { status: "applied" | "planned"; alpharunValue: string | null })
  | (ContactFieldBase & { status: "skipped"; reason: SkipReason })
  | (ContactFieldBase & { status: "failed"; alpharunValue?: string | null; error: FailureInfo });

/** The Alpharun contact a conversation landed on, and how it was found. */
export interface ContactMatch {
  /** the contact's id as Alpharun answered it (absent when a dry run would create it) */
  id?: string;
  /** which lookup found it, or `created` */
  matchedBy: "email" | "phone" | "externalId" | "custom" | "created";
  /** the contact id the lookup sent (e.g. `alt:email:ann@example.com`); the email or phone used when created */
  lookup: string;
  /** `true` when the sync created the contact (`createContact`); `"planned"` in a dry run */
  created?: true | "planned";
}

/** The outcome of syncing one Dixa conversation onto its Alpharun contact. */
export interface ContactSyncReport {
  conversationId: number;
  /**
   * `failed` if anything failed; else `applied` if a field was written, which means every field the
   * sync meant to write was written or already equal; else `planned` in a dry run with a field to
   * write; else `skipped` (with `reason`).
   */
  status: OutcomeStatus;
  dryRun: boolean;
  contact?: ContactMatch;
  fields: ContactFieldReport[];
  /** why the whole conversation was skipped */
  reason?: SkipReason;
  /** the failure that stopped the sync before its fields were written (stage `mapping`: a configuration error) */
  error?: FailureInfo;
}

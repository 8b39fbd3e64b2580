import type { AlpharunClient } from "@cxkit/alpharun";
import { unwrap } from "@cxkit/runtime";
import { settle, stage } from "../failure.js";
import { blocked } from "../mapping-failure.js";
import { meantToWrite, skipReasonOf } from "../outcome.js";
import type { SyncContext } from "../sync-context.js";
import type { CustomerInteraction } from "../vendor-types.js";
import { attributeDefinitions } from "./attribute-definitions.js";
import { checkMapping, mappingFailed, notWritten } from "./check-mapping.js";
import { type FieldMapping, resolveMapping } from "./field-mapping.js";
import { locateConversation } from "./locate-conversation.js";
import { patchConversation } from "./patch-conversation.js";
import { planFields } from "./plan-fields.js";
import type { SyncReport } from "./sync-report.js";
import { writeBack } from "./write-back.js";

/** The default Alpharun custom field that receives the Dixa conversation id. */
export const DEFAULT_WRITE_BACK_KEY = "dixa_conversation_id";

export interface SyncOptions {
  /**
   * Alpharun field key → Dixa attribute identifier; every entry must name a live conversation attribute
   * that can take the values, or nothing is written (default: each field to the attribute with its own
   * key, skipping fields without one)
   */
  mapping?: FieldMapping;
  /** the Dixa conversation to write to (default: the matched end user's most recent conversation) */
  conversationId?: number;
  /** plan and report without writing to either API (default false) */
  dryRun?: boolean;
  /** Alpharun custom field that receives the Dixa conversation id; `false` skips it (default "dixa_conversation_id") */
  writeBackKey?: string | false;
  /** clear a Dixa attribute when Alpharun extracted no value; `false` leaves it as it is (default true) */
  clearEmpty?: boolean;
  /** aborts the sync's requests; what was written before is in the report (default: none) */
  signal?: AbortSignal;
}

/**
 * Syncs one Alpharun customer interaction onto its Dixa conversation: finds the end user and
 * conversation, writes the mapped fields as conversation custom attributes, then writes the
 * conversation id back onto the interaction. Per-item problems are in the report, never thrown.
 * `interaction` skips the fetch when the caller already holds the interaction (e.g. from a list).
 */
export async function syncInteraction(
  context: SyncContext,
  interactionId: string,
  options: SyncOptions = {},
  interaction?: CustomerInteraction,
): Promise<SyncReport> {
  const base = { interactionId, dryRun: options.dryRun ?? false, fields: [] };
  return settle<Omit<SyncReport, "status">>(
    base,
    () => sync(context, interactionId, options, interaction),
    (report) =>
      skipReasonOf(report, "the Dixa conversation already holds every value", {
        code: "not-extracted",
        message: "the interaction has no extracted fields to sync",
      }),
  );
}

async function sync(
  context: SyncContext,
  interactionId: string,
  options: SyncOptions,
  prefetched: CustomerInteraction | undefined,
): Promise<Omit<SyncReport, "status" | "interactionId" | "dryRun">> {
  const { signal, mapping } = options;
  const interaction =
    prefetched ??
    (await stage("fetch-interaction", () => fetchInteraction(context.alpharun, interactionId, signal)));
  // Note: shared with concurrent syncs, so not aborted by this one's signal; its next request is.
  const attributes = await stage("attribute-definitions", () =>
    attributeDefinitions(context.dixa, context.attributeCacheTtlMs),
  );
  const resolved = resolveMapping(interaction.data_extraction_fields ?? [], mapping);
  const problems = mapping ? checkMapping(mapping, attributes) : [];
  if (problems.length > 0) return mappingFailed(resolved, problems);
  const located = await locateConversation(context.dixa, interaction, options.conversationId, signal);
  if (!("conversation" in located)) return { ...located, fields: [] };
  const { conversation, ...where } = located;
  const current = new Map(
    (conversation.customAttributes ?? []).map((attribute) => [attribute.id, attribute.value]),
  );
  const plan = planFields(resolved, attributes, current, {
    explicit: mapping !== undefined,
    clearEmpty: options.clearEmpty ?? true,
  });
  const found = { ...where, conversationId: conversation.id };
  const stopped = blocked(plan.fields, notWritten);
  if (stopped) return { ...found, ...stopped };
  const dryRun = options.dryRun ?? false;
  const fields = dryRun ? plan.fields : await patchConversation(context.dixa, conversation.id, plan, signal);
  const key = options.writeBackKey ?? DEFAULT_WRITE_BACK_KEY;
  // Note: the id is written back only once the conversation holds every field the sync meant to
  // write, so an interaction with a failed field is redone whole, and one with nothing to sync is left alone.
  const synced = fields.some(meantToWrite) && !fields.some((field) => field.status === "failed");
  const back =
    key === false || !synced
      ? undefined
      : await writeBack(context.alpharun, interactionId, interaction, key, conversation.id, {
          dryRun,
          signal,
        });
  return { ...found, fields, ...(back ? { writeBack: back } : {}) };
}

/** @see https://dev.alpharun.com/api-reference/endpoint/fetch-customer-interaction */
async function fetchInteraction(
  alpharun: AlpharunClient,
  interactionId: string,
  signal: AbortSignal | undefined,
): Promise<CustomerInteraction> {
  const { data } = await unwrap(
    alpharun.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: interactionId } },
      signal,
    }),
  );
  if (!data?.customer_interaction) throw new Error("Alpharun answered without a customer_interaction");
  return data.customer_interaction;
}

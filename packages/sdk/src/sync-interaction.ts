import type { AlpharunClient } from "@cxkit/alpharun";
import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import { attributeDefinitions } from "./attribute-definitions.js";
import { StageFailure, stage, toFailure } from "./failure.js";
import { type FieldMapping, resolveMapping } from "./field-mapping.js";
import { locateConversation } from "./locate-conversation.js";
import { patchConversation } from "./patch-conversation.js";
import { planFields } from "./plan-fields.js";
import { type SyncReport, summarizeStatus } from "./report.js";
import type { CustomerInteraction } from "./vendor-types.js";
import { writeBack } from "./write-back.js";

/** The default Alpharun custom field that receives the Dixa conversation id. */
export const DEFAULT_WRITE_BACK_KEY = "dixa_conversation_id";

export interface SyncOptions {
  /** Alpharun field key → Dixa attribute identifier (default: each field to the attribute with its own key) */
  mapping?: FieldMapping;
  /** the Dixa conversation to write to (default: the matched end user's most recent conversation) */
  conversationId?: number;
  /** plan and report without writing to either API (default false) */
  dryRun?: boolean;
  /** Alpharun custom field that receives the Dixa conversation id; `false` skips it (default "dixa_conversation_id") */
  writeBackKey?: string | false;
}

/** What a sync needs from the facade. */
export interface SyncContext {
  readonly alpharun: AlpharunClient;
  readonly dixa: DixaClient;
  /** how long custom attribute definitions stay cached, in ms */
  readonly attributeCacheTtlMs: number;
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
  try {
    const body = await sync(context, interactionId, options, interaction);
    const report = { ...base, ...body };
    return { ...report, status: summarizeStatus(report), ...itemReason(report) };
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    return { ...base, status: "failed", error: toFailure(error.stage, error.cause) };
  }
}

async function sync(
  context: SyncContext,
  interactionId: string,
  options: SyncOptions,
  prefetched: CustomerInteraction | undefined,
): Promise<Omit<SyncReport, "status" | "interactionId" | "dryRun">> {
  const interaction =
    prefetched ?? (await stage("fetch-interaction", () => fetchInteraction(context.alpharun, interactionId)));
  const located = await locateConversation(context.dixa, interaction, options.conversationId);
  if (!("conversation" in located)) return { ...located, fields: [] };
  const { conversation, ...where } = located;
  const attributes = await stage("attribute-definitions", () =>
    attributeDefinitions(context.dixa, context.attributeCacheTtlMs),
  );
  const current = new Map(
    (conversation.customAttributes ?? []).map((attribute) => [attribute.id, attribute.value]),
  );
  const plan = planFields(
    resolveMapping(interaction.data_extraction_fields ?? [], options.mapping),
    attributes,
    current,
  );
  const dryRun = options.dryRun ?? false;
  const written = dryRun
    ? { fields: plan.fields, failed: false }
    : await patchConversation(context.dixa, conversation.id, plan);
  const key = options.writeBackKey ?? DEFAULT_WRITE_BACK_KEY;
  // Note: the id is written back only once the conversation holds the fields, so a failed PATCH is redone whole.
  const back =
    key === false || written.failed
      ? undefined
      : await writeBack(context.alpharun, interactionId, interaction, key, conversation.id, dryRun);
  return {
    ...where,
    conversationId: conversation.id,
    fields: written.fields,
    ...(back ? { writeBack: back } : {}),
  };
}

/** @see https://dev.alpharun.com/api-reference/endpoint/fetch-customer-interaction */
async function fetchInteraction(
  alpharun: AlpharunClient,
  interactionId: string,
): Promise<CustomerInteraction> {
  const { data } = await unwrap(
    alpharun.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: interactionId } },
    }),
  );
  if (!data?.customer_interaction) throw new Error("Alpharun answered without a customer_interaction");
  return data.customer_interaction;
}

/** When nothing was written or planned, the reason: the item-level one, or why every part was skipped. */
function itemReason(report: Omit<SyncReport, "status">): Pick<SyncReport, "reason"> {
  if (report.reason || summarizeStatus(report) !== "skipped") return {};
  const parts = [...report.fields, ...(report.writeBack ? [report.writeBack] : [])];
  const reasons = parts.flatMap((part) => (part.status === "skipped" ? [part.reason] : []));
  if (reasons.length > 0 && reasons.every((reason) => reason.code === "unchanged")) {
    return { reason: { code: "unchanged", message: "Dixa and Alpharun already hold every value" } };
  }
  const first = reasons.find((reason) => reason.code !== "unchanged");
  return first
    ? { reason: first }
    : { reason: { code: "not-extracted", message: "the interaction has no extracted fields to sync" } };
}

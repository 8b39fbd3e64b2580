import type { AlpharunClient } from "@cxkit/alpharun";
import { unwrap } from "@cxkit/runtime";
import { passConfigurationErrors } from "../errors.js";
import { toFailure } from "../failure.js";
import type { CustomerInteraction } from "../vendor-types.js";
import type { WriteBackReport } from "./sync-report.js";

/**
 * Writes the Dixa conversation id onto the Alpharun interaction's custom field `key`, as a number if
 * that field is a number field, else as text. Skips when it already holds the id. Note: Alpharun
 * ignores keys without a custom field definition, so the answer is checked for the key.
 * @see https://dev.alpharun.com/api-reference/endpoint/update-customer-interaction
 */
export async function writeBack(
  alpharun: AlpharunClient,
  interactionId: string,
  interaction: CustomerInteraction,
  key: string,
  conversationId: number,
  { dryRun, signal }: { dryRun: boolean; signal: AbortSignal | undefined },
): Promise<WriteBackReport> {
  const existing = interaction.custom_fields?.find((field) => field.key === key);
  const value = existing?.type === "number" ? conversationId : String(conversationId);
  if (existing && String(existing.value) === String(conversationId)) {
    const message = `the interaction's "${key}" already holds ${conversationId}`;
    return { status: "skipped", key, value, reason: { code: "unchanged", message } };
  }
  if (dryRun) return { status: "planned", key, value };
  try {
    const updated = unwrap(
      await alpharun.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
        params: { path: { CUSTOMER_INTERACTION_ID: interactionId } },
        body: { custom_fields: [{ key, value }] },
        signal,
      }),
    );
    const stored = updated.data?.customer_interaction?.custom_fields?.some((field) => field.key === key);
    if (!stored) {
      const message = `Alpharun ignored "${key}": create a customer interaction custom field with that key in the Alpharun dashboard`;
      return { status: "skipped", key, value, reason: { code: "write-back-ignored", message } };
    }
    return { status: "applied", key, value };
  } catch (error) {
    return { status: "failed", key, value, error: toFailure("write-back", passConfigurationErrors(error)) };
  }
}

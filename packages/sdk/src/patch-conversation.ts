import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import { CxError } from "./errors.js";
import { toFailure } from "./failure.js";
import type { FieldPlan } from "./plan-fields.js";
import type { FieldReport } from "./report.js";

/**
 * Writes the planned fields in one PATCH and marks them applied, or failed with Dixa's error.
 * Note: the PATCH is an upsert of the given attributes only, so repeating it is harmless.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/Custom-Attributes/#operation/patchConversationsConversationidCustom-attributes
 */
export async function patchConversation(
  dixa: DixaClient,
  conversationId: number,
  plan: FieldPlan,
): Promise<{ fields: FieldReport[]; failed: boolean }> {
  if (Object.keys(plan.patch).length === 0) return { fields: plan.fields, failed: false };
  try {
    await unwrap(
      dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
        params: { path: { conversationId } },
        body: plan.patch,
      }),
    );
    const fields = plan.fields.map((field) =>
      field.status === "planned" ? { ...field, status: "applied" as const } : field,
    );
    return { fields, failed: false };
  } catch (error) {
    if (error instanceof CxError) throw error;
    const failure = toFailure("patch-conversation", error);
    const fields = plan.fields.map((field) =>
      field.status === "planned" ? { ...field, status: "failed" as const, error: failure } : field,
    );
    return { fields, failed: true };
  }
}

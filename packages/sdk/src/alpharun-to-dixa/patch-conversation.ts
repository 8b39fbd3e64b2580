import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import { passConfigurationErrors } from "../errors.js";
import { toFailure } from "../failure.js";
import type { FailureInfo } from "../outcome.js";
import type { CustomAttributesPatch } from "../vendor-types.js";
import type { FieldPlan } from "./plan-fields.js";
import type { FieldReport } from "./sync-report.js";

/**
 * Writes the planned fields: the values in one PATCH, then the clears (`null`) in a second one, so a
 * Dixa that rejects `null` fails the clears alone. Each planned field becomes applied, or failed with
 * the error of its own PATCH.
 * Note: the PATCH is an upsert of the given attributes only, so repeating it is harmless.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/Custom-Attributes/#operation/patchConversationsConversationidCustom-attributes
 */
export async function patchConversation(
  dixa: DixaClient,
  conversationId: number,
  plan: FieldPlan,
  signal: AbortSignal | undefined,
): Promise<FieldReport[]> {
  const send = (body: CustomAttributesPatch) => sendPatch(dixa, conversationId, body, signal);
  const values = Object.keys(plan.values).length > 0 ? await send(plan.values) : undefined;
  const clears = Object.keys(plan.clears).length > 0 ? await send(plan.clears) : undefined;
  return plan.fields.map((field) => {
    if (field.status !== "planned") return field;
    const failure = field.dixaValue === null ? clears : values;
    return failure ? { ...field, status: "failed", error: failure } : { ...field, status: "applied" };
  });
}

/** One PATCH: undefined when Dixa took it, else what went wrong. */
async function sendPatch(
  dixa: DixaClient,
  conversationId: number,
  body: CustomAttributesPatch,
  signal: AbortSignal | undefined,
): Promise<FailureInfo | undefined> {
  try {
    await unwrap(
      dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
        params: { path: { conversationId } },
        body,
        signal,
      }),
    );
    return undefined;
  } catch (error) {
    return toFailure("patch-conversation", passConfigurationErrors(error));
  }
}

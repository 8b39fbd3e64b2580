import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import { stage } from "../failure.js";
import type { Conversation, CustomerInteraction } from "../vendor-types.js";
import { endUserLookups, findEndUser } from "./find-end-user.js";
import { pickConversation } from "./pick-conversation.js";
import type { SyncReport } from "./sync-report.js";

/** The conversation to write to and how it was found, or why there is none. */
export type LocatedConversation =
  | (Pick<SyncReport, "endUser" | "conversationSource"> & { conversation: Conversation })
  | Pick<SyncReport, "endUser" | "reason">;

/**
 * The explicit conversation, else the most recent conversation of the Dixa end user matching the
 * interaction's contacts. The conversation comes with its current custom attribute values.
 */
export async function locateConversation(
  dixa: DixaClient,
  interaction: CustomerInteraction,
  conversationId: number | undefined,
  signal: AbortSignal | undefined,
): Promise<LocatedConversation> {
  if (conversationId !== undefined) {
    const conversation = await stage("pick-conversation", () =>
      getConversation(dixa, conversationId, signal),
    );
    return { conversation, conversationSource: "explicit" };
  }
  const contacts = interaction.contacts ?? [];
  const endUser = await stage("find-end-user", () => findEndUser(dixa, contacts, signal));
  if (!endUser) {
    const tried = endUserLookups(contacts).map((lookup) => `${lookup.matchedBy} ${lookup.value}`);
    const message =
      tried.length > 0
        ? `no Dixa end user matches ${tried.join(", ")}`
        : "the interaction has no contact with an email, phone number or ext_id";
    return { reason: { code: "end-user-not-found", message } };
  }
  const picked = await stage("pick-conversation", async () => {
    const latest = await pickConversation(dixa, endUser.id, signal);
    // Note: list results may leave out custom attributes; the current values decide what is unchanged.
    return latest && !latest.customAttributes ? getConversation(dixa, latest.id, signal) : latest;
  });
  if (!picked) {
    return {
      endUser,
      reason: { code: "no-conversation", message: `Dixa end user ${endUser.id} has no conversation` },
    };
  }
  return { endUser, conversation: picked, conversationSource: "most-recent" };
}

/** @see https://docs.dixa.io/openapi/dixa-api/beta/tag/Conversations/#operation/getConversationsConversationid */
async function getConversation(
  dixa: DixaClient,
  conversationId: number,
  signal: AbortSignal | undefined,
): Promise<Conversation> {
  const params = { path: { conversationId } };
  return (await unwrap(dixa.GET("/conversations/{conversationId}", { params, signal }))).data;
}

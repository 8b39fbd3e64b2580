import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import type { ConversationRating } from "../vendor-types.js";
import type { ConversationFacts, ConversationRead } from "./contact-mapping.js";

/**
 * Reads what the mapping needs about a conversation, as Dixa holds it now: the conversation and
 * its end user, then its tags and ratings when a rule uses them. Note: a webhook's payload only
 * says which conversation changed; reading the current state makes deliveries that arrive out of
 * order (Dixa does not promise order) converge on the latest values.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/Conversations/#operation/getConversationsConversationid
 */
export async function readConversation(
  dixa: DixaClient,
  conversationId: number,
  reads: ReadonlySet<ConversationRead>,
  signal: AbortSignal | undefined,
): Promise<ConversationFacts> {
  const path = { conversationId };
  const conversation = (
    await unwrap(dixa.GET("/conversations/{conversationId}", { params: { path }, signal }))
  ).data;
  const [endUser, tags, ratings] = await Promise.all([
    unwrap(
      dixa.GET("/endusers/{userId}", { params: { path: { userId: conversation.requesterId } }, signal }),
    ),
    reads.has("tags")
      ? unwrap(dixa.GET("/conversations/{conversationId}/tags", { params: { path }, signal }))
      : undefined,
    reads.has("ratings")
      ? unwrap(dixa.GET("/conversations/{conversationId}/ratings", { params: { path }, signal }))
      : undefined,
  ]);
  return {
    conversation,
    endUser: endUser.data,
    tags: tags?.data ?? [],
    rating: latestRating(ratings?.data ?? []),
  };
}

/** The last rating Dixa lists as `Rated` (a rating comment arrives as a later update of the same rating). */
function latestRating(ratings: readonly ConversationRating[]): ConversationRating | undefined {
  return ratings.findLast((rating) => rating.ratingStatus === "Rated");
}

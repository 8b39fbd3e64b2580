import { type DixaClient, paginate } from "@cxkit/dixa";
import type { Conversation } from "../vendor-types.js";

/** Milliseconds since the epoch of a Dixa timestamp, which may carry a zone suffix like `Z[GMT]`. */
export function parseDixaTime(timestamp: string): number {
  return Date.parse(timestamp.replace(/\[[^\]]*\]$/, ""));
}

/** Whether `a` is more recent than `b`: by `createdAt`, then by id (ids grow over time). */
export function isMoreRecent(a: Conversation, b: Conversation): boolean {
  const [timeA, timeB] = [parseDixaTime(a.createdAt), parseDixaTime(b.createdAt)];
  if (!Number.isNaN(timeA) && !Number.isNaN(timeB) && timeA !== timeB) return timeA > timeB;
  return a.id > b.id;
}

/**
 * The end user's most recent conversation, reading every page but keeping only the best so far;
 * `undefined` when they have none.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/End-Users/#operation/getEndusersUseridConversations
 */
export async function pickConversation(
  dixa: DixaClient,
  endUserId: string,
  signal?: AbortSignal,
): Promise<Conversation | undefined> {
  let best: Conversation | undefined;
  const conversations = paginate(dixa, "/endusers/{userId}/conversations", {
    params: { path: { userId: endUserId } },
    signal,
  });
  for await (const conversation of conversations) {
    if (!best || isMoreRecent(conversation, best)) best = conversation;
  }
  return best;
}

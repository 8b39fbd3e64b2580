import type { LiveCaseSource, LiveCaseTable } from "@cxkit/runtime";
import { createDixaClient } from "./client.js";
import type { paths } from "./generated/schema.js";
import { dixaPagination } from "./pagination.js";

const agent = { from: "GET /agents", pointer: "/data/0/id", thing: "agent" } as const;
const endUser = { from: "GET /endusers", pointer: "/data/0/id", thing: "end user" } as const;
const tag = { from: "GET /tags", pointer: "/data/0/id", thing: "tag" } as const;
// Note: the organisation's activity log, not one end user's conversations: the first end user may have
// none, while every activity names a conversation.
const conversation = {
  from: "GET /conversations/activitylog",
  pointer: "/data/0/conversationId",
  thing: "conversation",
} as const satisfies LiveCaseSource;
const webhook = { from: "GET /webhooks", pointer: "/data/0/id", thing: "webhook subscription" } as const;
const delivery = {
  from: "GET /webhooks/{webhookSubscriptionId}/delivery-status",
  pointer: "/data/0/event",
  thing: "webhook delivery",
} as const satisfies LiveCaseSource;

/**
 * Dixa's live contract run (`pnpm contract:live dixa`): every GET of specs/dixa/openapi.yaml, ids taken
 * from the first page of the list calls above it (a test checks the table against the spec). Calls go
 * through `createDixaClient`, so at Dixa's documented rate (10/s, burst 4).
 */
export const dixaLiveCases: LiveCaseTable<paths> = {
  credentialVariable: "DIXA_API_KEY",
  baseUrlVariable: "DIXA_BASE_URL",
  paging: { size: "pageLimit", cursor: dixaPagination.cursor },
  createClient: (apiKey, options) => createDixaClient({ ...options, apiKey }),
  cases: [
    { operation: "GET /agents" },
    { operation: "GET /agents/{agentId}", params: { agentId: agent } },
    { operation: "GET /agents/{agentId}/teams", params: { agentId: agent } },
    { operation: "GET /agents/{agentId}/presence", params: { agentId: agent } },
    { operation: "GET /agents/presence" },
    { operation: "GET /tags" },
    { operation: "GET /tags/{tagId}", params: { tagId: tag } },
    { operation: "GET /custom-attributes" },
    { operation: "GET /endusers" },
    { operation: "GET /endusers/{userId}", params: { userId: endUser } },
    { operation: "GET /endusers/{userId}/conversations", params: { userId: endUser } },
    { operation: "GET /conversations/flows" },
    { operation: "GET /conversations/activitylog" },
    { operation: "GET /conversations/{conversationId}", params: { conversationId: conversation } },
    {
      operation: "GET /conversations/{conversationId}/activitylog",
      params: { conversationId: conversation },
    },
    { operation: "GET /conversations/{conversationId}/linked", params: { conversationId: conversation } },
    { operation: "GET /conversations/{conversationId}/notes", params: { conversationId: conversation } },
    { operation: "GET /conversations/{conversationId}/messages", params: { conversationId: conversation } },
    { operation: "GET /conversations/{conversationId}/tags", params: { conversationId: conversation } },
    { operation: "GET /conversations/{conversationId}/ratings", params: { conversationId: conversation } },
    { operation: "GET /webhooks" },
    { operation: "GET /webhooks/{webhookSubscriptionId}", params: { webhookSubscriptionId: webhook } },
    {
      operation: "GET /webhooks/{webhookSubscriptionId}/delivery-status",
      params: { webhookSubscriptionId: webhook },
    },
    {
      operation: "GET /webhooks/{webhookSubscriptionId}/delivery-status/logs/{event}",
      params: { webhookSubscriptionId: webhook, event: delivery },
    },
  ],
  notRun: {},
};

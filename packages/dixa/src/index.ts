// Note: one error class for both clients (and any other), so one `instanceof` check catches it.
export {
  InvalidRequestError,
  MissingCredentialError,
  pages,
  paginate,
  RateLimiter,
  type RateLimitOptions,
} from "@cxkit/runtime";
export {
  createDixaClient,
  DIXA_BASE_URL,
  type DixaClient,
  type DixaClientOptions,
  dixaRateLimit,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export { dixaPagination } from "./pagination.js";
export type {
  ActivityLogEntry,
  Agent,
  AnonymizationRequestStatus,
  Conversation,
  ConversationFlow,
  ConversationLink,
  ConversationSearchRequest,
  CreateConversationRequest,
  CustomAttribute,
  CustomAttributeDefinition,
  CustomAttributesPatch,
  DixaError,
  EndUser,
  ImportConversationRequest,
  InternalNote,
  Message,
  PaginationLinks,
  SelectOption,
  Tag,
  UserPresence,
  WebhookDeliveryStatus,
  WebhookEvent,
  WebhookSubscription,
} from "./schemas.js";

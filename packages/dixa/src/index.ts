export {
  createDixaClient,
  DIXA_BASE_URL,
  type DixaClient,
  type DixaClientOptions,
  MissingCredentialError,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export type {
  ActivityLogEntry,
  Agent,
  Conversation,
  ConversationSearchRequest,
  CreateConversationRequest,
  CustomAttribute,
  CustomAttributeDefinition,
  CustomAttributesPatch,
  DixaError,
  EndUser,
  InternalNote,
  Message,
  PaginationLinks,
  SelectOption,
  Tag,
  WebhookEvent,
  WebhookSubscription,
} from "./schemas.js";

// Note: the clients' errors, `unwrap`, pagination and `RateLimiter` too, so one import serves a service.

// Note: `@cxkit/dixa/webhooks`, so one import serves a receiver too.
export {
  createMemoryEventStore,
  DEFAULT_EVENT_STORE,
  DIXA_WEBHOOK_EVENTS,
  type DixaKnownWebhookEvent,
  type DixaUnknownWebhookEvent,
  type DixaWebhookEvent,
  type DixaWebhookEventFqn,
  type DixaWebhookEventOf,
  type MemoryEventStore,
  type MemoryEventStoreOptions,
  type VerifyDixaWebhookOptions,
  verifyDixaWebhook,
  type WebhookEventStore,
  type WebhookHeaders,
  WebhookSecretError,
  WebhookSignatureError,
  type WebhookSignatureReason,
} from "@cxkit/dixa/webhooks";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ClientOptionsError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidRequestError,
  InvalidResponseError,
  MissingCredentialError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  pages,
  pagesWith,
  paginate,
  paginateWith,
  RateLimitError,
  RateLimiter,
  type RateLimitOptions,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
} from "@cxkit/runtime";
export type { MappedValue } from "./alpharun-to-dixa/attribute-value.js";
export type { BackfillItem, BackfillOptions } from "./alpharun-to-dixa/backfill.js";
export type { CheckpointRecord } from "./alpharun-to-dixa/checkpoint.js";
export { defineFieldMapping, type FieldMapping, type FieldRule } from "./alpharun-to-dixa/field-mapping.js";
export { DEFAULT_WRITE_BACK_KEY, type SyncOptions } from "./alpharun-to-dixa/sync-interaction.js";
export type {
  BackfillProgress,
  BackfillReport,
  EndUserMatch,
  FieldReport,
  MappingProblem,
  SyncReport,
  WriteBackReport,
} from "./alpharun-to-dixa/sync-report.js";
export { CUSTOMER_INTERACTION_UPDATED, parseAlpharunWebhook } from "./alpharun-to-dixa/webhook.js";
export { type Cx, createCx } from "./create-cx.js";
export type { CxOptions } from "./cx-options.js";
export {
  type ContactFieldRule,
  type ContactKey,
  type ContactMapping,
  type ContactValue,
  type ConversationFact,
  type ConversationFacts,
  type ConversationRead,
  DEFAULT_CONTACT_MAPPING,
  defineContactMapping,
} from "./dixa-to-alpharun/contact-mapping.js";
export type {
  ContactFieldReport,
  ContactMatch,
  ContactSyncReport,
} from "./dixa-to-alpharun/contact-sync-report.js";
export type { ConversationMethods } from "./dixa-to-alpharun/conversation-methods.js";
export { DEFAULT_DIXA_EVENTS, type DixaWebhookResult } from "./dixa-to-alpharun/handle-dixa-webhook.js";
export type { ConversationSyncOptions } from "./dixa-to-alpharun/sync-conversation.js";
export {
  BackfillInterruptedError,
  CheckpointError,
  CREDENTIAL_VARIABLES,
  type CredentialProblem,
  CxError,
  CxOptionsError,
  EnvironmentCredentialError,
  EnvironmentSecretError,
  MappingError,
  WEBHOOK_SECRET_VARIABLE,
  WebhookPayloadError,
  type WebhookPayloadProblem,
} from "./errors.js";
export type { FailureInfo, FailureStage, OutcomeStatus, SkipCode, SkipReason } from "./outcome.js";
export type { AlpharunValue, CustomerInteractionUpdatedWebhook, DixaAttributeValue } from "./vendor-types.js";

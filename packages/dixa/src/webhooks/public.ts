// What both entries of `@cxkit/dixa/webhooks` export besides `verifyDixaWebhook`.
export { ClientOptionsError } from "@cxkit/runtime";
export { WebhookSecretError, WebhookSignatureError, type WebhookSignatureReason } from "./errors.js";
export {
  createMemoryEventStore,
  DEFAULT_EVENT_STORE,
  type MemoryEventStore,
  type MemoryEventStoreOptions,
  type WebhookEventStore,
} from "./event-store.js";
export {
  DIXA_WEBHOOK_EVENTS,
  type DixaKnownWebhookEvent,
  type DixaUnknownWebhookEvent,
  type DixaWebhookConversation,
  type DixaWebhookEvent,
  type DixaWebhookEventFqn,
  type DixaWebhookEventOf,
  type DixaWebhookUser,
} from "./events.js";
export { checkDixaWebhookSecret } from "./secret.js";
export { SIGNATURE_HEADER, type WebhookHeaders } from "./signature-header.js";
export {
  DEFAULT_TOLERANCE_SECONDS,
  type VerifyDixaWebhook,
  type VerifyDixaWebhookOptions,
} from "./verify.js";

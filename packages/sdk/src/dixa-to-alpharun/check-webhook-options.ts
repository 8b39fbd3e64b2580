// The rules of createCx's Dixa webhook options (`dixa.webhookSecret`, `dixaEvents`, `eventStore`).
import { checkDixaWebhookSecret, type DixaWebhookEventFqn, WebhookSecretError } from "@cxkit/dixa/webhooks";
import { CxOptionsError } from "../errors.js";

/** Every Dixa webhook event the spec describes (one missing or extra fails to compile). */
const DIXA_EVENTS = {
  CONVERSATION_CREATED: true,
  CONVERSATION_OPEN: true,
  CONVERSATION_PENDING: true,
  CONVERSATION_CLOSED: true,
  CONVERSATION_ABANDONED: true,
  CONVERSATION_ASSIGNED: true,
  CONVERSATION_RATED: true,
  CONVERSATION_TAG_ADDED: true,
  CONVERSATION_TAG_REMOVED: true,
  CONVERSATION_MESSAGE_ADDED: true,
  CONVERSATION_NOTE_ADDED: true,
  CONVERSATION_CUSTOM_ATTRIBUTE_UPDATED: true,
  CONVERSATION_END_USER_REPLACED: true,
} satisfies Record<DixaWebhookEventFqn, true>;

export const DIXA_EVENT_NAMES = Object.keys(DIXA_EVENTS);

/** A non-empty list of known Dixa webhook events. */
export const isDixaEvents = (value: unknown): boolean =>
  Array.isArray(value) && value.length > 0 && value.every((fqn) => Object.hasOwn(DIXA_EVENTS, fqn));

/** An object with `has` and `add` functions (a `WebhookEventStore`). */
export function isEventStore(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { has, add } = value as { has?: unknown; add?: unknown };
  return typeof has === "function" && typeof add === "function";
}

/** What is wrong with a webhook secret, as `@cxkit/dixa/webhooks` says it (never showing it), or undefined. */
export function webhookSecretProblem(secret: unknown): string | undefined {
  try {
    checkDixaWebhookSecret(secret);
    return undefined;
  } catch (error) {
    if (!(error instanceof WebhookSecretError)) throw error;
    return error.message.replace(/^secret: /, "");
  }
}

/** A webhook secret given to `createCx`: refused as `CxOptionsError` saying what is wrong. */
export function checkWebhookSecret(secret: unknown): void {
  const problem = webhookSecretProblem(secret);
  if (problem) throw new CxOptionsError("dixa.webhookSecret", `createCx: dixa.webhookSecret: ${problem}`);
}

// The rules of createCx's Dixa webhook options (`dixa.webhookSecret`, `dixaEvents`, `eventStore`).
import { checkDixaWebhookSecret, DIXA_WEBHOOK_EVENTS, WebhookSecretError } from "@cxkit/dixa/webhooks";
import { CxOptionsError } from "../errors.js";

/** Every Dixa webhook event the spec describes, as error messages list them. */
export const DIXA_EVENT_NAMES: readonly string[] = DIXA_WEBHOOK_EVENTS;

/** A non-empty list of known Dixa webhook events. */
export const isDixaEvents = (value: unknown): boolean =>
  Array.isArray(value) && value.length > 0 && value.every((fqn) => DIXA_WEBHOOK_EVENTS.includes(fqn));

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

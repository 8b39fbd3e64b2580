import { ALLOWED, isPlainObject as isObject, isUuid } from "../check-input.js";
import { WebhookPayloadError } from "../errors.js";
import type { CustomerInteractionUpdatedWebhook } from "../vendor-types.js";

/** The only Alpharun webhook event the SDK syncs. */
export const CUSTOMER_INTERACTION_UPDATED = "customer_interaction.updated";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Checks a webhook body (parsed JSON, or the raw text or bytes) and returns it typed; throws
 * `WebhookPayloadError` for any other event or a malformed payload.
 * @see https://dev.alpharun.com/api-reference/webhook/customer-interaction-webhooks
 */
export function parseAlpharunWebhook(payload: unknown): CustomerInteractionUpdatedWebhook {
  let body = payload;
  try {
    if (payload instanceof Uint8Array) body = JSON.parse(utf8.decode(payload));
    else if (typeof payload === "string") body = JSON.parse(payload);
  } catch {
    throw malformed("the payload is not valid JSON (or not UTF-8)");
  }
  if (!isObject(body)) throw malformed("the payload is not a JSON object");
  const eventType = body.event_type;
  if (typeof eventType !== "string") throw malformed("the payload has no string `event_type`");
  if (eventType !== CUSTOMER_INTERACTION_UPDATED) {
    throw new WebhookPayloadError(
      "unsupported-event",
      `unsupported webhook event "${eventType}": only "${CUSTOMER_INTERACTION_UPDATED}" is synced`,
      eventType,
    );
  }
  const interaction = isObject(body.data) ? body.data.customer_interaction : undefined;
  if (!isObject(interaction)) throw malformed("`data.customer_interaction` is missing", eventType);
  const { id, public_api_url: url } = interaction;
  if (!isUuid(id)) {
    throw malformed(`\`data.customer_interaction.id\` is not ${ALLOWED.interactionId}`, eventType);
  }
  if (typeof url !== "string")
    throw malformed("`data.customer_interaction.public_api_url` is not a string", eventType);
  return { event_type: eventType, data: { customer_interaction: { id, public_api_url: url } } };
}

function malformed(detail: string, eventType?: string): WebhookPayloadError {
  return new WebhookPayloadError("malformed", `malformed Alpharun webhook payload: ${detail}`, eventType);
}

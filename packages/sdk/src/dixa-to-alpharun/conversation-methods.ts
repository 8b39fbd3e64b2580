import { createMemoryEventStore, type WebhookHeaders } from "@cxkit/dixa/webhooks";
import { ALLOWED, checkOptions, isConversationId, OPTION_KEYS, refuser } from "../check-input.js";
import type { CxOptions } from "../cx-options.js";
import { EnvironmentSecretError, WEBHOOK_SECRET_VARIABLE } from "../errors.js";
import type { SyncContext } from "../sync-context.js";
import { checkContactMapping } from "./check-contact-mapping.js";
import { webhookSecretProblem } from "./check-webhook-options.js";
import type { ContactSyncReport } from "./contact-sync-report.js";
import { DEFAULT_DIXA_EVENTS, type DixaWebhookResult, dixaWebhookHandler } from "./handle-dixa-webhook.js";
import { type ConversationSyncOptions, syncConversation } from "./sync-conversation.js";

/** The facade's Dixa -> Alpharun methods. */
export interface ConversationMethods {
  /**
   * Syncs one Dixa conversation (its id a whole number >= 1) onto the Alpharun contact of its end
   * user (see `ConversationSyncOptions`); bad input throws `CxOptionsError`.
   */
  syncConversation(conversationId: number, options?: ConversationSyncOptions): Promise<ContactSyncReport>;
  /**
   * Verifies a Dixa webhook delivery (the raw body, as received, and the request's headers) with the
   * subscription's secret, and syncs the event's conversation when it is one of `dixaEvents`. Each
   * `event_id` is handled once (`duplicate` after). Throws `WebhookSignatureError` for a delivery that
   * is not authentic and fresh (answer 401; 400 for `malformed-body`), `WebhookPayloadError` for an
   * event to sync without its conversation id (400), and `EnvironmentSecretError` when no usable
   * secret is configured; sync problems are in the result.
   */
  handleDixaWebhook(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    options?: ConversationSyncOptions,
  ): Promise<DixaWebhookResult>;
}

/** Builds the Dixa -> Alpharun methods over the facade's clients and its (checked) options. */
export function conversationMethods(
  context: SyncContext,
  options: CxOptions,
  env: Record<string, string | undefined>,
): ConversationMethods {
  const { contactMapping, createContact } = options;
  if (contactMapping !== undefined) checkContactMapping("createCx", contactMapping, "contactMapping");
  const given = options.dixa?.webhookSecret;
  const prepare = (where: string, sync: ConversationSyncOptions | undefined) => {
    checkOptions(where, sync, OPTION_KEYS.conversation, checkContactMapping);
    // Note: a sync needs both APIs; building both clients first fails a bad credential before any request.
    void [context.alpharun, context.dixa];
    return {
      ...(contactMapping && { mapping: contactMapping }),
      ...(createContact && { createContact }),
      ...sync,
    };
  };
  const handle = dixaWebhookHandler(context, {
    events: new Set(options.dixaEvents ?? DEFAULT_DIXA_EVENTS),
    store: options.eventStore ?? createMemoryEventStore(),
    drift: options.dixa?.validateResponses,
  });
  return {
    syncConversation: async (conversationId, sync) => {
      if (!isConversationId(conversationId)) {
        refuser("syncConversation")("conversationId", ALLOWED.conversationId, conversationId);
      }
      return syncConversation(context, conversationId, prepare("syncConversation", sync));
    },
    handleDixaWebhook: async (body, headers, sync) => {
      if (typeof body !== "string" && !(body instanceof Uint8Array)) {
        refuser("handleDixaWebhook")(
          "body",
          "the raw request body, a string or Uint8Array (not parsed JSON)",
          body,
        );
      }
      // Note: read per delivery (not at createCx), so a receiver without a secret fails only its deliveries.
      const secret = given ?? secretFromEnvironment(env);
      return handle(body, headers, secret, prepare("handleDixaWebhook", sync));
    },
  };
}

/** `DIXA_WEBHOOK_SECRET`, which must be the hex-encoded key as it is. */
export function secretFromEnvironment(env: Record<string, string | undefined>): string {
  const secret = env[WEBHOOK_SECRET_VARIABLE];
  if (secret === undefined || secret.trim() === "") throw new EnvironmentSecretError("missing");
  const problem = webhookSecretProblem(secret);
  if (problem) throw new EnvironmentSecretError("unusable", problem);
  return secret;
}

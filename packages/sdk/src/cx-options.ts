import type { DixaWebhookEventFqn, WebhookEventStore } from "@cxkit/dixa/webhooks";
import type { Logger, RateLimiter, RateLimitOptions, RetryOptions } from "@cxkit/runtime";
import type { DriftCheck } from "@cxkit/runtime/drift";
import type { SyncOptions } from "./alpharun-to-dixa/sync-interaction.js";
import type { ContactMapping } from "./dixa-to-alpharun/contact-mapping.js";

/** Options of `createCx`: both clients, the defaults of every sync, and where credentials come from. */
export interface CxOptions {
  alpharun?: {
    /** Alpharun API key (default: the `ALPHARUN_API_TOKEN` environment variable) */
    token?: string;
    /** API root, an absolute http(s) URL (default: the `ALPHARUN_BASE_URL` environment variable, else "https://api.alpharun.com/api/v1") */
    baseUrl?: string;
    /** extra headers on every Alpharun request (default none) */
    headers?: Record<string, string>;
    /** drift checks of Alpharun's responses and webhook payloads, `validateAlpharunResponses()` from `@cxkit/alpharun/validate` (default none) */
    validateResponses?: DriftCheck;
  };
  dixa?: {
    /** Dixa API token (default: the `DIXA_API_KEY` environment variable) */
    apiKey?: string;
    /** API root, an absolute http(s) URL (default: the `DIXA_BASE_URL` environment variable, else "https://dev.dixa.io/beta") */
    baseUrl?: string;
    /** extra headers on every Dixa request (default none) */
    headers?: Record<string, string>;
    /** client-side request budget, a `RateLimiter` shared with other clients, or `false` (default 10/s, burst 4: Dixa's limit per token) */
    rateLimit?: RateLimitOptions | RateLimiter | false;
    /** drift checks of Dixa's responses, `validateDixaResponses()` from `@cxkit/dixa/validate` (default none) */
    validateResponses?: DriftCheck;
    /** the webhook subscription's secret key, hex-encoded as Dixa shows it (default: the `DIXA_WEBHOOK_SECRET` environment variable) */
    webhookSecret?: string;
  };
  /** retries of both clients: 429, 408, 409 and 5xx, after `Retry-After` when sent (`retries` a whole number >= 0), or `false` (default 2 retries) */
  retry?: RetryOptions | false;
  /** per-attempt timeout of both clients in ms, 1 to 2147483647, or `false` (default 60000) */
  timeout?: number | false;
  /** sees every attempt of both clients, secrets redacted (default none) */
  logger?: Logger;
  /** Alpharun field key → Dixa attribute identifier for every sync (default: same identifier as the key) */
  mapping?: SyncOptions["mapping"];
  /** Alpharun custom field that receives the Dixa conversation id, or `false` (default "dixa_conversation_id") */
  writeBackKey?: SyncOptions["writeBackKey"];
  /** clear a Dixa attribute when Alpharun extracted no value, in every sync; `false` leaves it (default true) */
  clearEmpty?: SyncOptions["clearEmpty"];
  /** Dixa -> Alpharun: how the contact is found and which of its fields get what, in every conversation sync (default `DEFAULT_CONTACT_MAPPING`) */
  contactMapping?: ContactMapping;
  /** Dixa -> Alpharun: create the Alpharun contact when none matches, in every conversation sync (default false) */
  createContact?: boolean;
  /** Dixa -> Alpharun: the webhook events `handleDixaWebhook` syncs; others are skipped (default `["CONVERSATION_CLOSED", "CONVERSATION_RATED"]`) */
  dixaEvents?: readonly DixaWebhookEventFqn[];
  /** where `handleDixaWebhook` remembers handled `event_id`s, e.g. one shared by several processes (default: in memory, 10,000 ids for 24 h) */
  eventStore?: WebhookEventStore;
  /** how long Dixa custom attribute definitions are cached, in ms, >= 0 (default 300000) */
  attributeCacheTtlMs?: number;
  /** where credentials and base URLs are read from when not passed (default `process.env`) */
  env?: Record<string, string | undefined>;
  /** `fetch` used by both clients (default the global `fetch`) */
  fetch?: typeof globalThis.fetch;
}

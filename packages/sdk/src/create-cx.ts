import { type AlpharunClient, createAlpharunClient } from "@cxkit/alpharun";
import { createDixaClient, type DixaClient } from "@cxkit/dixa";
import { checkClientOptions, isHeaderValue } from "@cxkit/runtime";
import type { DriftCheck } from "@cxkit/runtime/drift";
import { type BackfillOptions, backfill } from "./backfill.js";
import { checkBackfillIds, checkCxOptions, checkId, checkMethodOptions, OPTION_KEYS } from "./check-input.js";
import { contactInteractions } from "./contact-interactions.js";
import type { CxOptions } from "./cx-options.js";
import { CxOptionsError, MissingCredentialError } from "./errors.js";
import type { BackfillReport, SyncReport } from "./report.js";
import type { SyncContext } from "./sync-context.js";
import { type SyncOptions, syncInteraction } from "./sync-interaction.js";
import { parseAlpharunWebhook } from "./webhook.js";

/** One object for both APIs and the workflows that cross them. */
export interface Cx {
  /** the Alpharun client, built on first use; throws `MissingCredentialError` without a token */
  readonly alpharun: AlpharunClient;
  /** the Dixa client, built on first use; throws `MissingCredentialError` without a key */
  readonly dixa: DixaClient;
  /** Syncs one interaction (its id a UUID) onto its Dixa conversation (see `SyncOptions`); bad input throws `CxOptionsError`. */
  syncInteraction(interactionId: string, options?: SyncOptions): Promise<SyncReport>;
  /**
   * Runs the sync for a `customer_interaction.updated` webhook body (parsed or raw). Any other event
   * or a malformed body throws `WebhookPayloadError` before anything is requested. Note: the
   * interaction is fetched by id from the configured Alpharun base URL; the payload's
   * `public_api_url` is never followed, so a forged payload cannot send the token elsewhere.
   */
  handleAlpharunWebhook(payload: unknown, options?: Omit<SyncOptions, "conversationId">): Promise<SyncReport>;
  /** Syncs a stream of interaction ids, each a UUID (see `BackfillOptions`); bad input throws `CxOptionsError`. */
  backfill(ids: AsyncIterable<string> | Iterable<string>, options?: BackfillOptions): Promise<BackfillReport>;
  /** Syncs every interaction of an Alpharun contact's account (its UUID or `alt:ext_id:<ext_id>`), page by page. */
  backfillContact(contactId: string, options?: BackfillOptions): Promise<BackfillReport>;
}

/**
 * Builds the facade. Every option is checked first (`CxOptionsError`); the clients are created once,
 * on first use, so a missing credential only fails its API. Each method checks its arguments before
 * any request, and a sync or backfill builds both clients before its first request.
 */
export function createCx(options: CxOptions = {}): Cx {
  checkCxOptions(options);
  const env = options.env ?? process.env;
  // Note: the same runtime options for both clients; each client also redacts its own credential.
  const shared = {
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  let alpharun: AlpharunClient | undefined;
  let dixa: DixaClient | undefined;

  const context: SyncContext = {
    get alpharun() {
      alpharun ??= validate(
        options.alpharun,
        createAlpharunClient({
          ...shared,
          token: credential(options.alpharun?.token, env.ALPHARUN_API_TOKEN, "alpharun"),
          ...baseUrl(options.alpharun?.baseUrl, env, "ALPHARUN_BASE_URL"),
          ...(options.alpharun?.headers ? { headers: options.alpharun.headers } : {}),
        }),
      );
      return alpharun;
    },
    get dixa() {
      dixa ??= validate(
        options.dixa,
        createDixaClient({
          ...shared,
          apiKey: credential(options.dixa?.apiKey, env.DIXA_API_KEY, "dixa"),
          ...baseUrl(options.dixa?.baseUrl, env, "DIXA_BASE_URL"),
          ...(options.dixa?.headers ? { headers: options.dixa.headers } : {}),
          ...(options.dixa?.rateLimit !== undefined ? { rateLimit: options.dixa.rateLimit } : {}),
        }),
      );
      return dixa;
    },
    attributeCacheTtlMs: options.attributeCacheTtlMs ?? 300_000,
  };
  const defaults: SyncOptions = {
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.writeBackKey !== undefined ? { writeBackKey: options.writeBackKey } : {}),
    ...(options.clearEmpty !== undefined ? { clearEmpty: options.clearEmpty } : {}),
  };

  // Note: a workflow needs both APIs; building both clients first fails a bad credential before any request.
  const clients = () => [context.alpharun, context.dixa];

  return {
    get alpharun() {
      return context.alpharun;
    },
    get dixa() {
      return context.dixa;
    },
    syncInteraction: async (interactionId, sync) => {
      checkId("syncInteraction", "interactionId", interactionId, "interactionId");
      checkMethodOptions("syncInteraction", sync, OPTION_KEYS.sync);
      clients();
      return syncInteraction(context, interactionId, { ...defaults, ...sync });
    },
    handleAlpharunWebhook: async (payload, sync) => {
      const event = parseAlpharunWebhook(payload);
      options.alpharun?.validateResponses?.checkPayload("CustomerInteractionUpdatedWebhook", payload);
      checkMethodOptions("handleAlpharunWebhook", sync, OPTION_KEYS.webhook);
      clients();
      return syncInteraction(context, event.data.customer_interaction.id, { ...defaults, ...sync });
    },
    backfill: async (ids, run) => {
      const checked = checkBackfillIds(ids);
      checkMethodOptions("backfill", run, OPTION_KEYS.backfill);
      clients();
      return backfill(context, checked, { ...defaults, ...run });
    },
    backfillContact: async (contactId, run) => {
      checkId("backfillContact", "contactId", contactId, "contactId");
      checkMethodOptions("backfillContact", run, OPTION_KEYS.backfill);
      clients();
      return backfill(context, contactInteractions(context, contactId), { ...defaults, ...run });
    },
  };
}

/** Registers a client's drift check, when one was given, after the runtime's middleware. */
function validate<C extends AlpharunClient | DixaClient>(
  api: { validateResponses?: DriftCheck } | undefined,
  client: C,
): C {
  if (api?.validateResponses) client.use(api.validateResponses);
  return client;
}

/** The credential passed to `createCx` (already checked), else the environment's, which must be usable as it is. */
function credential(given: string | undefined, fromEnv: unknown, api: "alpharun" | "dixa"): string {
  if (given !== undefined) return given;
  if (typeof fromEnv !== "string" || fromEnv.trim() === "") throw new MissingCredentialError(api);
  if (fromEnv.trim() !== fromEnv) throw new MissingCredentialError(api, "whitespace");
  if (!isHeaderValue(fromEnv)) throw new MissingCredentialError(api, "unsafe");
  return fromEnv;
}

/**
 * The base URL given (already checked), else the environment's (an empty one counts as unset; a bad
 * one is refused naming the variable), else the client's default.
 */
function baseUrl(
  given: string | undefined,
  env: Record<string, string | undefined>,
  variable: "ALPHARUN_BASE_URL" | "DIXA_BASE_URL",
): { baseUrl?: string } {
  const value = given || env[variable] || undefined;
  if (given === undefined && value !== undefined) {
    checkClientOptions({ baseUrl: value }, (_option, allowed, shown) => {
      throw new CxOptionsError(
        variable,
        `createCx: ${variable} must be ${allowed}, got ${JSON.stringify(shown)}`,
      );
    });
  }
  return value ? { baseUrl: value } : {};
}

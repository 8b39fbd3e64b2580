import { type AlpharunClient, createAlpharunClient } from "@cxkit/alpharun";
import { createDixaClient, type DixaClient } from "@cxkit/dixa";
import { checkClientOptions, describeValue, RateLimiter, type RateLimitOptions } from "@cxkit/runtime";
import type { DriftCheck } from "@cxkit/runtime/drift";
import { type BackfillOptions, backfill } from "./alpharun-to-dixa/backfill.js";
import { contactInteractions } from "./alpharun-to-dixa/contact-interactions.js";
import { type SyncOptions, syncInteraction } from "./alpharun-to-dixa/sync-interaction.js";
import type { BackfillReport, SyncReport } from "./alpharun-to-dixa/sync-report.js";
import { parseAlpharunWebhook } from "./alpharun-to-dixa/webhook.js";
import {
  checkBackfillIds,
  checkCxOptions,
  checkId,
  checkOptions,
  credentialProblem,
  isRateLimitOptions,
  OPTION_KEYS,
} from "./check-input.js";
import type { CxOptions } from "./cx-options.js";
import { type ConversationMethods, conversationMethods } from "./dixa-to-alpharun/conversation-methods.js";
import { CREDENTIAL_VARIABLES, CxOptionsError, EnvironmentCredentialError } from "./errors.js";
import type { SyncContext } from "./sync-context.js";

const utf8 = new TextDecoder();

/** One object for both APIs and the workflows that cross them (Dixa -> Alpharun: `ConversationMethods`). */
export interface Cx extends ConversationMethods {
  /** the Alpharun client, built on first use; throws `MissingCredentialError` without a token */
  readonly alpharun: AlpharunClient;
  /** the Dixa client, built on first use; throws `MissingCredentialError` without a key */
  readonly dixa: DixaClient;
  /** Syncs one interaction (its id a UUID) onto its Dixa conversation (see `SyncOptions`); bad input throws `CxOptionsError`. */
  syncInteraction(interactionId: string, options?: SyncOptions): Promise<SyncReport>;
  /**
   * Runs the sync for a `customer_interaction.updated` webhook body (parsed, or raw text or bytes). Any other event
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
  // Note: the same runtime options for both clients (unset ones stay unset); each client also redacts its
  // own credential. `options` was checked, so `alpharun` and `dixa` hold only their client's options.
  const { retry, timeout, logger, fetch } = options;
  const shared = { retry, timeout, logger, fetch };
  let alpharun: AlpharunClient | undefined;
  let dixa: DixaClient | undefined;

  const context: SyncContext = {
    get alpharun() {
      const { validateResponses, ...given } = options.alpharun ?? {};
      alpharun ??= withDriftCheck(
        validateResponses,
        createAlpharunClient({
          ...shared,
          ...given,
          token: credential(given.token, env, "alpharun"),
          baseUrl: baseUrl(given.baseUrl, env, "ALPHARUN_BASE_URL"),
        }),
      );
      return alpharun;
    },
    get dixa() {
      const { validateResponses, rateLimit, webhookSecret: _secret, ...given } = options.dixa ?? {};
      dixa ??= withDriftCheck(
        validateResponses,
        createDixaClient({
          ...shared,
          ...given,
          ...(rateLimit !== undefined && { rateLimit: rateLimiter(rateLimit) }),
          apiKey: credential(given.apiKey, env, "dixa"),
          baseUrl: baseUrl(given.baseUrl, env, "DIXA_BASE_URL"),
        }),
      );
      return dixa;
    },
    attributeCacheTtlMs: options.attributeCacheTtlMs ?? 300_000,
  };
  const { mapping, writeBackKey, clearEmpty } = options;

  /** Checks a method's options, builds both clients, and merges in `createCx`'s sync options. */
  const prepare = <T extends SyncOptions>(where: string, given: T | undefined, keys: string[]): T => {
    checkOptions(where, given, keys);
    // Note: a workflow needs both APIs; building both clients first fails a bad credential before any request.
    void [context.alpharun, context.dixa];
    return { mapping, writeBackKey, clearEmpty, ...given } as T;
  };

  return {
    ...conversationMethods(context, options, env),
    get alpharun() {
      return context.alpharun;
    },
    get dixa() {
      return context.dixa;
    },
    syncInteraction: async (interactionId, sync) => {
      checkId("syncInteraction", "interactionId", interactionId, "interactionId");
      return syncInteraction(context, interactionId, prepare("syncInteraction", sync, OPTION_KEYS.sync));
    },
    handleAlpharunWebhook: async (payload, sync) => {
      const { id } = parseAlpharunWebhook(payload).data.customer_interaction;
      const drift = options.alpharun?.validateResponses;
      // Note: the body is decoded for the drift check only when there is one (not on every delivery).
      drift?.checkPayload(
        "CustomerInteractionUpdatedWebhook",
        payload instanceof Uint8Array ? utf8.decode(payload) : payload,
      );
      return syncInteraction(context, id, prepare("handleAlpharunWebhook", sync, OPTION_KEYS.webhook));
    },
    backfill: async (ids, run) => {
      const checked = checkBackfillIds(ids);
      return backfill(context, checked, prepare("backfill", run, OPTION_KEYS.backfill));
    },
    backfillContact: async (contactId, run) => {
      checkId("backfillContact", "contactId", contactId, "contactId");
      const options = prepare("backfillContact", run, OPTION_KEYS.backfill);
      return backfill(context, contactInteractions(context, contactId), options);
    },
  };
}

/** A `RateLimiter` for rate-limit options (already checked); a `RateLimiter` or `false` as it is. */
function rateLimiter(rateLimit: RateLimitOptions | RateLimiter | false): RateLimiter | false {
  return isRateLimitOptions(rateLimit) ? new RateLimiter(rateLimit) : rateLimit;
}

/** Registers a client's drift check, when one was given, after the runtime's middleware. */
function withDriftCheck<C extends AlpharunClient | DixaClient>(check: DriftCheck | undefined, client: C): C {
  if (check) client.use(check);
  return client;
}

/** The credential passed to `createCx` (already checked), else the environment's, which must be usable as it is. */
function credential(
  given: string | undefined,
  env: Record<string, unknown>,
  api: "alpharun" | "dixa",
): string {
  const fromEnv = env[CREDENTIAL_VARIABLES[api]];
  if (given !== undefined) return given;
  const problem = credentialProblem(fromEnv);
  if (problem) throw new EnvironmentCredentialError(api, problem);
  return fromEnv as string;
}

/**
 * The base URL given (already checked), else the environment's (an empty one counts as unset; a bad
 * one is refused naming the variable), else none: the client's default.
 */
function baseUrl(
  given: string | undefined,
  env: Record<string, string | undefined>,
  variable: "ALPHARUN_BASE_URL" | "DIXA_BASE_URL",
): string | undefined {
  const value = given || env[variable] || undefined;
  if (given === undefined && value !== undefined) {
    checkClientOptions({ baseUrl: value }, (_option, allowed, shown) => {
      throw new CxOptionsError(
        variable,
        `createCx: ${variable} must be ${allowed}, got ${describeValue(shown)}`,
      );
    });
  }
  return value;
}

import {
  assertHeaderSafe,
  createRuntime,
  dixaRateLimit,
  type Logger,
  type RateLimiter,
  type RateLimitOptions,
  type RetryOptions,
} from "@cxkit/runtime";
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** The spec's server: Dixa's beta API. */
export const DIXA_BASE_URL = "https://dev.dixa.io/beta";

export interface DixaClientOptions {
  /** API token from Dixa's Settings > Integrations, sent raw in `Authorization` (required) */
  apiKey: string;
  /** API root (default "https://dev.dixa.io/beta") */
  baseUrl?: string;
  /**
   * `fetch` implementation, e.g. `createUndiciFetch()` from `@cxkit/runtime/undici`, the faster
   * transport for Node (default: the global `fetch`)
   */
  fetch?: typeof globalThis.fetch;
  /** extra headers sent on every request (default none) */
  headers?: Record<string, string>;
  /** retries of 408/409/429/5xx/connection errors on idempotent calls, or `false` (default 2, 0.5 s doubling to 8 s) */
  retry?: RetryOptions | false;
  /** per-attempt timeout in ms, or `false` (default 60000) */
  timeout?: number | false;
  /** client-side rate limit over all calls, a `RateLimiter` shared with other clients, or `false` (default 10/s, burst 4) */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  /** throw `ApiError` subclasses instead of returning `{ error }` (default false) */
  throwOnError?: boolean;
  /** sees every attempt, key redacted (default none) */
  logger?: Logger;
}

/**
 * PATCH operations that set the given values, so repeating one leaves the same state: retried like PUT.
 * The anonymize PATCHes (and the webhook PATCH) are not listed: they are retried only when a call asks.
 */
const IDEMPOTENT_OPERATIONS = [
  "PATCH /conversations/{conversationId}/custom-attributes",
  "PATCH /endusers/{userId}/custom-attributes",
  "PATCH /endusers/{userId}",
];

export type DixaClient = Client<paths>;

/** Raised when a client is constructed without a usable credential. */
export class MissingCredentialError extends TypeError {
  override name = "MissingCredentialError";
}

/**
 * Creates a typed Dixa client with `@cxkit/runtime` wired in: retries, timeouts, typed errors, the key
 * redacted everywhere, and Dixa's documented rate limit (10 requests/s, burst 4) across all its calls.
 * Note: Dixa takes the raw key, with no `Bearer` prefix.
 * @see https://docs.dixa.io/docs/api-standards-rules/
 */
export function createDixaClient(options: DixaClientOptions): DixaClient {
  if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new MissingCredentialError("createDixaClient: `apiKey` is required (a Dixa API token)");
  }
  assertHeaderSafe(options.apiKey, "createDixaClient: `apiKey`");
  const { retry } = options;
  const runtime = createRuntime({
    fetch: options.fetch,
    retry:
      retry === false
        ? false
        : {
            ...retry,
            idempotentOperations: [...IDEMPOTENT_OPERATIONS, ...(retry?.idempotentOperations ?? [])],
          },
    timeout: options.timeout,
    rateLimit: options.rateLimit ?? dixaRateLimit,
    throwOnError: options.throwOnError,
    logger: options.logger,
    secrets: [options.apiKey],
  });
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? DIXA_BASE_URL,
    fetch: runtime.fetch,
    Request: runtime.Request,
    headers: { ...options.headers, Authorization: options.apiKey },
  });
  client.use(runtime.middleware);
  return client;
}

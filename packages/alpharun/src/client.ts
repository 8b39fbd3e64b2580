import {
  assertHeaderSafe,
  createRuntime,
  type Logger,
  type RateLimiter,
  type RateLimitOptions,
  type RetryOptions,
} from "@cxkit/runtime";
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** The spec's server: Alpharun's public API. */
export const ALPHARUN_BASE_URL = "https://api.alpharun.com/api/v1";

export interface AlpharunClientOptions {
  /** API key from Alpharun's Developer Settings, sent as `Authorization: Bearer <token>` (required) */
  token: string;
  /** API root (default "https://api.alpharun.com/api/v1") */
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
  /** client-side rate limit (default none: Alpharun documents no limit) */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  /** throw `ApiError` subclasses instead of returning `{ error }` (default false) */
  throwOnError?: boolean;
  /** sees every attempt, token redacted (default none) */
  logger?: Logger;
}

/**
 * PATCH operations that are partial upserts, so repeating one leaves the same state: retried like PUT.
 * @see https://dev.alpharun.com/api-reference/endpoint/update-customer-interaction
 */
const IDEMPOTENT_OPERATIONS = ["PATCH /customer-interactions/{CUSTOMER_INTERACTION_ID}", "PATCH /contacts"];

export type AlpharunClient = Client<paths>;

/** Raised when a client is constructed without a usable credential. */
export class MissingCredentialError extends TypeError {
  override name = "MissingCredentialError";
}

/**
 * Creates a typed Alpharun client with bearer auth and the spec's server as default base URL, with
 * `@cxkit/runtime` wired in: retries, timeouts, typed errors, and the token redacted everywhere.
 */
export function createAlpharunClient(options: AlpharunClientOptions): AlpharunClient {
  if (typeof options?.token !== "string" || options.token.trim() === "") {
    throw new MissingCredentialError("createAlpharunClient: `token` is required (an Alpharun API key)");
  }
  assertHeaderSafe(options.token, "createAlpharunClient: `token`");
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
    rateLimit: options.rateLimit ?? false,
    throwOnError: options.throwOnError,
    logger: options.logger,
    secrets: [options.token],
  });
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? ALPHARUN_BASE_URL,
    fetch: runtime.fetch,
    Request: runtime.Request,
    headers: { ...options.headers, Authorization: `Bearer ${options.token}` },
  });
  client.use(runtime.middleware);
  return client;
}

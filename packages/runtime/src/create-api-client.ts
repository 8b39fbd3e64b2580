import createClient from "openapi-fetch";
import { type ApiClient, PAGINATION } from "./api-client.js";
import { checkCredential } from "./check-credential.js";
import { checkClientOptions, refuseOption } from "./check-options.js";
import { checkPathValues } from "./check-path-params.js";
import { createRuntime } from "./create-runtime.js";
import type { Logger } from "./logger.js";
import type { PaginatedOperations } from "./paginated-operations.js";
import type { RateLimiter } from "./rate-limit.js";
import type { RetryOptions } from "./retry.js";

/** The runtime options every vendor client takes (its credential and its defaults are its own). */
export interface ApiClientOptions {
  /** API root (default: the spec's server) */
  baseUrl?: string | undefined;
  /**
   * `fetch` implementation, e.g. `createUndiciFetch()` from `@cxkit/runtime/undici`, the faster
   * transport for Node (default: the global `fetch`)
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** extra headers sent on every request (default none) */
  headers?: Record<string, string> | undefined;
  /** retries of 408/409/429/5xx/connection errors on idempotent calls, or `false` (default 2, 0.5 s doubling to 8 s) */
  retry?: RetryOptions | false | undefined;
  /** per-attempt timeout in ms, or `false` (default 60000) */
  timeout?: number | false | undefined;
  /**
   * client-side rate limit over all calls: a `RateLimiter` (which other clients may share), or `false`
   * (default: the vendor's documented limit, if any)
   */
  rateLimit?: RateLimiter | false | undefined;
  /** throw `ApiError` subclasses instead of returning `{ error }` (default false) */
  throwOnError?: boolean | undefined;
  /** sees every attempt, credential redacted (default none) */
  logger?: Logger | undefined;
}

/** What differs between vendors: where the API lives, how it authenticates, what is safe to retry. */
export interface VendorProfile {
  /** the factory's name, for error messages, e.g. `createDixaClient` */
  factory: string;
  /** the credential's option name, e.g. `apiKey` */
  credential: string;
  /** the spec's server */
  baseUrl: string;
  /** the `Authorization` header value for a credential */
  authorization: (credential: string) => string;
  /** PATCH (or POST) operations that are safe to repeat, as `"METHOD /path/template"` */
  idempotentOperations: readonly string[];
  /**
   * the vendor's documented rate limit: builds one client's `RateLimiter` (so only a vendor with a
   * limit, or a caller who sets one, ships the class), or `false`
   */
  rateLimit: (() => RateLimiter) | false;
  /** the vendor's paginated operations, for `paginate(client, path)` (default none) */
  pagination?: PaginatedOperations;
}

/**
 * Builds an openapi-fetch client for one vendor with `@cxkit/runtime` wired in: retries beneath the
 * middleware chain, per-attempt timeouts, typed errors, rate limiting, and the credential redacted
 * from every error and log line. The credential and every option are checked here, so a bad one
 * fails at construction (`MissingCredentialError`, `ClientOptionsError`), before any request.
 */
export function createApiClient<Paths extends {}, Pages extends PaginatedOperations | undefined = undefined>(
  vendor: VendorProfile,
  credential: unknown,
  options: ApiClientOptions,
): ApiClient<Paths, false, Pages> {
  const label = `${vendor.factory}: \`${vendor.credential}\``;
  checkCredential(credential, label);
  checkClientOptions(options as Record<string, unknown>, refuseOption(`${vendor.factory}: `));
  const { retry } = options;
  const runtime = createRuntime({
    fetch: options.fetch,
    retry:
      retry === false
        ? false
        : {
            ...retry,
            idempotentOperations: [...vendor.idempotentOperations, ...(retry?.idempotentOperations ?? [])],
          },
    timeout: options.timeout,
    rateLimit: options.rateLimit ?? (vendor.rateLimit ? vendor.rateLimit() : false),
    throwOnError: options.throwOnError,
    logger: options.logger,
    secrets: [credential],
  });
  const client = createClient<Paths>({
    baseUrl: options.baseUrl ?? vendor.baseUrl,
    fetch: runtime.fetch,
    Request: runtime.Request,
    headers: { ...options.headers, Authorization: vendor.authorization(credential) },
  });
  client.use(runtime.middleware);
  checkPathValues(client);
  (client as { [PAGINATION]?: unknown })[PAGINATION] = vendor.pagination;
  // Note: the same object; `ApiClient` only types the runtime's per-call options openapi-fetch passes on.
  return client as unknown as ApiClient<Paths, false, Pages>;
}

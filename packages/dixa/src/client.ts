import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  RateLimiter,
  type RateLimitOptions,
  type VendorProfile,
} from "@cxkit/runtime";
import { checkCustomAttributeKeys } from "./custom-attribute-keys.js";
import type { paths } from "./generated/schema.js";
import { dixaPagination } from "./pagination.js";

/** The spec's server: Dixa's beta API. */
export const DIXA_BASE_URL = "https://dev.dixa.io/beta";

export interface DixaClientOptions extends ApiClientOptions {
  /** API token from Dixa's Settings > Integrations, sent raw in `Authorization` (required) */
  apiKey: string;
  /** API root (default "https://dev.dixa.io/beta") */
  baseUrl?: string | undefined;
  /** client-side rate limit over all calls: a `RateLimiter` (which other clients may share), or `false` (default 10/s, burst 4) */
  rateLimit?: NonNullable<ApiClientOptions["rateLimit"]>;
}

/**
 * Dixa's documented limit per API token: 10 requests/s with bursts of 4 (429 beyond it); the client's
 * default rate limit.
 * @see https://docs.dixa.io/docs/api-standards-rules/
 */
export const dixaRateLimit = { requestsPerSecond: 10, burst: 4 } as const satisfies RateLimitOptions;

/**
 * The typed Dixa client: openapi-fetch's `GET`/`POST`/... whose calls also take `retry`, `timeout`,
 * `throwOnError` and `signal`. `DixaClient<true>` (created with `throwOnError: true`) returns `data`
 * that is never undefined. `paginate(client, path)` walks its paginated operations.
 */
export type DixaClient<Throws extends boolean = false> = ApiClient<paths, Throws, typeof dixaPagination>;

const dixa: VendorProfile = {
  factory: "createDixaClient",
  credential: "apiKey",
  baseUrl: DIXA_BASE_URL,
  // Note: Dixa takes the raw key, with no `Bearer` prefix. @see https://docs.dixa.io/docs/api-standards-rules/
  authorization: (apiKey) => apiKey,
  /**
   * PATCH operations that set the given values, so repeating one leaves the same state: retried like PUT.
   * The anonymize PATCHes (and the webhook PATCH) are not listed: they are retried only when a call asks.
   */
  idempotentOperations: [
    "PATCH /conversations/{conversationId}/custom-attributes",
    "PATCH /endusers/{userId}/custom-attributes",
    "PATCH /endusers/{userId}",
    "PATCH /endusers",
    "PATCH /agents/{agentId}",
    "PATCH /tags/{tagId}/activate",
    "PATCH /tags/{tagId}/deactivate",
  ],
  // Note: one limiter per client unless the caller passes a shared one.
  rateLimit: () => new RateLimiter(dixaRateLimit),
  pagination: dixaPagination,
};

/**
 * Creates a typed Dixa client with `@cxkit/runtime` wired in: retries, timeouts, typed errors, the key
 * redacted everywhere, and Dixa's documented rate limit (10 requests/s, burst 4) across all its calls.
 * A missing or empty `apiKey` throws `MissingCredentialError`; a custom-attribute PATCH keyed by
 * anything but attribute ids (UUIDs) rejects with `InvalidRequestError`, and nothing is sent.
 */
export function createDixaClient(options: DixaClientOptions & { throwOnError: true }): DixaClient<true>;
export function createDixaClient(options: DixaClientOptions): DixaClient;
export function createDixaClient(options: DixaClientOptions): DixaClient<boolean> {
  return checkCustomAttributeKeys(
    createApiClient<paths, typeof dixaPagination>(dixa, options?.apiKey, options ?? {}),
  );
}

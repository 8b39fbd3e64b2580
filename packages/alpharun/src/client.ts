import { type ApiClient, type ApiClientOptions, createApiClient, type VendorProfile } from "@cxkit/runtime";
import type { paths } from "./generated/schema.js";
import { alpharunPagination } from "./pagination.js";

/** The spec's server: Alpharun's public API. */
export const ALPHARUN_BASE_URL = "https://api.alpharun.com/api/v1";

export interface AlpharunClientOptions extends ApiClientOptions {
  /** API key from Alpharun's Developer Settings, sent as `Authorization: Bearer <token>` (required) */
  token: string;
  /** API root (default "https://api.alpharun.com/api/v1") */
  baseUrl?: string | undefined;
  /** client-side rate limit: a `RateLimiter` (which other clients may share), or `false` (default none: Alpharun documents no limit) */
  rateLimit?: NonNullable<ApiClientOptions["rateLimit"]>;
}

/**
 * The typed Alpharun client: openapi-fetch's `GET`/`POST`/... whose calls also take `retry`, `timeout`,
 * `throwOnError` and `signal`. `AlpharunClient<true>` (created with `throwOnError: true`) returns `data`
 * that is never undefined. `paginate(client, path)` walks its paginated operations.
 */
export type AlpharunClient<Throws extends boolean = false> = ApiClient<
  paths,
  Throws,
  typeof alpharunPagination
>;

const alpharun: VendorProfile = {
  factory: "createAlpharunClient",
  credential: "token",
  baseUrl: ALPHARUN_BASE_URL,
  authorization: (token) => `Bearer ${token}`,
  /**
   * PATCH operations that are partial upserts, so repeating one leaves the same state: retried like PUT.
   * @see https://dev.alpharun.com/api-reference/endpoint/update-customer-interaction
   */
  idempotentOperations: ["PATCH /customer-interactions/{CUSTOMER_INTERACTION_ID}", "PATCH /contacts"],
  rateLimit: false,
  pagination: alpharunPagination,
};

/**
 * Creates a typed Alpharun client with bearer auth and the spec's server as default base URL, with
 * `@cxkit/runtime` wired in: retries, timeouts, typed errors, and the token redacted everywhere.
 * A missing or empty `token` throws `MissingCredentialError`.
 */
export function createAlpharunClient(
  options: AlpharunClientOptions & { throwOnError: true },
): AlpharunClient<true>;
export function createAlpharunClient(options: AlpharunClientOptions): AlpharunClient;
export function createAlpharunClient(options: AlpharunClientOptions): AlpharunClient<boolean> {
  return createApiClient<paths, typeof alpharunPagination>(alpharun, options?.token, options ?? {});
}

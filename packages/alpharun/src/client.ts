import { type ApiClientOptions, createApiClient, type VendorProfile } from "@cxkit/runtime";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** The spec's server: Alpharun's public API. */
export const ALPHARUN_BASE_URL = "https://api.alpharun.com/api/v1";

export interface AlpharunClientOptions extends ApiClientOptions {
  /** API key from Alpharun's Developer Settings, sent as `Authorization: Bearer <token>` (required) */
  token: string;
  /** API root (default "https://api.alpharun.com/api/v1") */
  baseUrl?: string;
  /** client-side rate limit, or a `RateLimiter` shared with other clients (default none: Alpharun documents no limit) */
  rateLimit?: NonNullable<ApiClientOptions["rateLimit"]>;
}

export type AlpharunClient = Client<paths>;

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
};

/**
 * Creates a typed Alpharun client with bearer auth and the spec's server as default base URL, with
 * `@cxkit/runtime` wired in: retries, timeouts, typed errors, and the token redacted everywhere.
 * A missing or empty `token` throws `MissingCredentialError`.
 */
export function createAlpharunClient(options: AlpharunClientOptions): AlpharunClient {
  return createApiClient<paths>(alpharun, options?.token, options ?? {});
}

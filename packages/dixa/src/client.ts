import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** The spec's server: Dixa's beta API. */
export const DIXA_BASE_URL = "https://dev.dixa.io/beta";

export interface DixaClientOptions {
  /** API token from Dixa's Settings > Integrations, sent raw in `Authorization` (required) */
  apiKey: string;
  /** API root (default "https://dev.dixa.io/beta") */
  baseUrl?: string;
  /** `fetch` implementation (default: the global `fetch`) */
  fetch?: typeof globalThis.fetch;
  /** extra headers sent on every request (default none) */
  headers?: Record<string, string>;
}

export type DixaClient = Client<paths>;

/** Raised when a client is constructed without a usable credential. */
export class MissingCredentialError extends TypeError {
  override name = "MissingCredentialError";
}

/**
 * Creates a typed Dixa client. Note: Dixa takes the raw key, with no `Bearer` prefix.
 * @see https://docs.dixa.io/docs/api-standards-rules/
 */
export function createDixaClient(options: DixaClientOptions): DixaClient {
  if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new MissingCredentialError("createDixaClient: `apiKey` is required (a Dixa API token)");
  }
  return createClient<paths>({
    baseUrl: options.baseUrl ?? DIXA_BASE_URL,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { ...options.headers, Authorization: options.apiKey },
  });
}

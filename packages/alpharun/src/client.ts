import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** The spec's server: Alpharun's public API. */
export const ALPHARUN_BASE_URL = "https://api.alpharun.com/api/v1";

export interface AlpharunClientOptions {
  /** API key from Alpharun's Developer Settings, sent as `Authorization: Bearer <token>` (required) */
  token: string;
  /** API root (default "https://api.alpharun.com/api/v1") */
  baseUrl?: string;
  /** `fetch` implementation (default: the global `fetch`) */
  fetch?: typeof globalThis.fetch;
  /** extra headers sent on every request (default none) */
  headers?: Record<string, string>;
}

export type AlpharunClient = Client<paths>;

/** Raised when a client is constructed without a usable credential. */
export class MissingCredentialError extends TypeError {
  override name = "MissingCredentialError";
}

/** Creates a typed Alpharun client with bearer auth and the spec's server as default base URL. */
export function createAlpharunClient(options: AlpharunClientOptions): AlpharunClient {
  if (typeof options?.token !== "string" || options.token.trim() === "") {
    throw new MissingCredentialError("createAlpharunClient: `token` is required (an Alpharun API key)");
  }
  return createClient<paths>({
    baseUrl: options.baseUrl ?? ALPHARUN_BASE_URL,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { ...options.headers, Authorization: `Bearer ${options.token}` },
  });
}

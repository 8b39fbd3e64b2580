import type { RequestRetryOption } from "./retry.js";

/**
 * Per-call overrides, passed beside `params` and `body`:
 * `client.GET("/contacts", { params, retry: false, timeout: 5_000 })`.
 *
 * Note: openapi-fetch copies init keys it does not know onto the `Request` it builds, and that
 * `Request` is what reaches the runtime's `fetch` and middleware, so no extra channel is needed.
 * A middleware that returns a *new* `Request` drops them, and the client's defaults apply.
 */
export interface RuntimeRequestOptions {
  /** retries for this call: `false`, a number of retries, or options merged over the client's (default: the client's) */
  retry?: RequestRetryOption | undefined;
  /** per-attempt timeout for this call in ms, or `false` for none (default: the client's) */
  timeout?: number | false | undefined;
  /** throw `ApiError` subclasses instead of returning `{ error }` for this call (default: the client's) */
  throwOnError?: boolean | undefined;
}

/** The overrides riding on a request built by openapi-fetch. */
export function requestOptions(request: Request): RuntimeRequestOptions {
  return request as RuntimeRequestOptions;
}

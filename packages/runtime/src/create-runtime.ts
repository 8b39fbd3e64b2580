import type { Middleware } from "openapi-fetch";
import { createRuntimeFetch, type FetchLike, type RuntimeFetchOptions } from "./runtime-fetch.js";
import { createRuntimeMiddleware, type RuntimeMiddlewareOptions } from "./runtime-middleware.js";
import { CLIENT_REQUEST } from "./transport/lite-request.js";

/** Everything a client can set about the runtime; each option is documented where it is declared. */
export interface RuntimeOptions extends RuntimeFetchOptions, RuntimeMiddlewareOptions {}

/** The runtime's parts, to hand to `createClient({ fetch, Request })` and `client.use(middleware)`. */
export interface Runtime {
  /** the client's `fetch`: rate limit, timeout, retries and attempt logging, beneath the middleware chain */
  fetch: FetchLike;
  /** typed errors with the path template, `throwOnError`, and checked JSON bodies */
  middleware: Middleware;
  /**
   * the `Request` class for openapi-fetch: a `LiteRequest`, which the runtime's `fetch` sends without
   * building a second WHATWG `Request` (a WHATWG `Request` works too, at that cost)
   */
  Request: typeof Request;
}

/**
 * Builds the runtime for one client. Wire it like this (the client packages do it for you):
 *
 * ```ts
 * const runtime = createRuntime({ secrets: [token], retry: { retries: 3 } });
 * const client = createClient<paths>({ baseUrl, headers, fetch: runtime.fetch, Request: runtime.Request });
 * client.use(runtime.middleware); // first, so it sees the final response and error
 * checkPathValues(client); // path values that would reach another path are refused before sending
 * ```
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  return {
    fetch: createRuntimeFetch(options),
    middleware: createRuntimeMiddleware(options),
    Request: CLIENT_REQUEST,
  };
}

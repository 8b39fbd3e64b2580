import type { Dispatcher } from "undici";
import { relay } from "./abort-relay.js";
import { CXKIT_TRANSPORT, type TransportInit } from "./lite-request.js";
import { describe, followRedirect } from "./undici-call.js";
import { UndiciResponse } from "./undici-response.js";

/** Options of `createUndiciFetch`. */
export interface UndiciFetchOptions {
  /**
   * the undici dispatcher the requests go through, e.g. an `Agent` with your own pool limits or a
   * `ProxyAgent` (default: a keep-alive `Agent` of this fetch's own, closed by `close()`)
   */
  dispatcher?: Dispatcher;
  /** redirects followed for `redirect: "follow"`, as `fetch` does (default 20) */
  maxRedirections?: number;
}

/** A `fetch` built on undici's `request` API. */
export interface UndiciFetch {
  (input: RequestInfo | URL, init?: TransportInit): Promise<Response>;
  /** closes the keep-alive connections of the default dispatcher (a dispatcher you passed is left open) */
  close(): Promise<void>;
}

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
let undiciModule: Promise<typeof import("undici")> | undefined;

/**
 * A `fetch`-compatible function on undici's `request` API and a keep-alive connection pool: no
 * WHATWG `Request` is built, and the response body is read straight from undici's stream. With the
 * runtime's requests (the clients' `Request` class) it reads the serialized body as it is.
 *
 * Same contract as `fetch` for what the clients use: `signal` (rejects with its reason), `redirect`
 * (`"follow"` by default), network errors as `TypeError("fetch failed")` with the cause, a real
 * `Response`. Differences: no `accept-encoding` is sent, so bodies come uncompressed; no cookies,
 * cache or CORS (neither has Node's `fetch`).
 *
 * ```ts
 * import { createUndiciFetch } from "@cxkit/runtime/undici";
 * const alpharun = createAlpharunClient({ token, fetch: createUndiciFetch() });
 * ```
 *
 * Note: `undici` is imported on the first call. This module touches the global `Response` when it
 * loads, so Node's own `fetch` keeps its own connection pool (importing `undici` first would replace it).
 */
export function createUndiciFetch(options: UndiciFetchOptions = {}): UndiciFetch {
  let dispatcher = options.dispatcher;
  const owned = dispatcher === undefined;
  const maxRedirections = options.maxRedirections ?? 20;

  const undiciFetch = async (input: RequestInfo | URL, init?: TransportInit): Promise<Response> => {
    const call = describe(input, init);
    const { signal } = call;
    if (signal?.aborted) throw signal.reason;
    if (dispatcher === undefined) {
      undiciModule ??= import("undici");
      const { Agent } = await undiciModule;
      dispatcher ??= new Agent();
    }
    const { timeout } = call;
    const guard = timeout === undefined ? undefined : new BodyGuard(timeout);
    for (let redirects = 0; ; redirects++) {
      const url = new URL(call.url);
      let data: Dispatcher.ResponseData;
      try {
        data = await dispatcher.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: call.method as Dispatcher.HttpMethod,
          headers: call.headers,
          // Note: undici also streams async iterables (a web ReadableStream, FormData, Blob).
          body: call.body as Dispatcher.RequestOptions["body"],
          signal: signal && relay(signal),
          headersTimeout: timeout,
        });
      } catch (error) {
        guard?.end();
        if (signal?.aborted) throw signal.reason;
        if ((error as { code?: unknown }).code === "UND_ERR_HEADERS_TIMEOUT" && timeout !== undefined) {
          throw timedOut(timeout);
        }
        throw new TypeError("fetch failed", { cause: error });
      }
      const location = REDIRECT_STATUS.has(data.statusCode) ? data.headers.location : undefined;
      if (typeof location !== "string" || call.redirect === "manual") {
        if (guard) guard.body = data.body;
        return new UndiciResponse(data, call.url, redirects > 0, call.method, guard?.end);
      }
      await data.body.dump();
      if (call.redirect === "error" || redirects >= maxRedirections) {
        throw new TypeError("fetch failed", { cause: new Error(`redirect not followed (${call.redirect})`) });
      }
      followRedirect(call, data.statusCode, new URL(location, url));
    }
  };
  Object.defineProperty(undiciFetch, CXKIT_TRANSPORT, { value: true });
  return Object.assign(undiciFetch, {
    close: async () => {
      if (owned) await dispatcher?.close();
    },
  });
}

/**
 * A call's deadline over its body: once the headers are in (undici's `headersTimeout` bounds those),
 * a body still being read when the timeout has passed since the call started ends in `TimeoutError`.
 * The response ends the guard once its body is read. Note: a plain timer, armed with the same
 * duration every time (Node keeps a list per duration): far cheaper than a signal per request.
 */
class BodyGuard {
  body: Dispatcher.ResponseData["body"] | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;

  constructor(timeout: number) {
    this.#timer = setTimeout(expireBody, timeout, this, timeout);
  }

  /** the body is read, or the call failed: stop guarding it */
  readonly end = (): void => clearTimeout(this.#timer);
}

function expireBody(guard: BodyGuard, timeout: number): void {
  guard.body?.destroy(timedOut(timeout) as unknown as Error);
}

function timedOut(timeout: number): DOMException {
  return new DOMException(`The attempt timed out after ${timeout} ms`, "TimeoutError");
}

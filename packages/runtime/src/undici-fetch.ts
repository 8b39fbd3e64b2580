import { EventEmitter } from "node:events";
import type { Dispatcher } from "undici";
import { CXKIT_TRANSPORT, LiteRequest, NEVER_ABORTED, type TransportInit } from "./lite-request.js";
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

/** What `fetch` sends when the caller set none: some servers and gateways refuse a request without them. */
const DEFAULT_HEADERS: [string, string][] = [
  ["accept", "*/*"],
  ["user-agent", "cxkit"],
];
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Headers not sent to another origin after a redirect, as `fetch` does. */
const CROSS_ORIGIN_DROPPED = ["authorization", "cookie", "proxy-authorization"];

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
          body: (call.body ?? null) as NonNullable<Dispatcher.RequestOptions["body"]>,
          signal: signal ? relay(signal) : null,
          ...(timeout === undefined ? {} : { headersTimeout: timeout }),
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

/** An `AbortSignal` as undici's `request` listens to it: `aborted`, `reason` and an `abort` event. */
class AbortRelay extends EventEmitter {
  aborted = false;
  reason: unknown;
}

/**
 * The relay of each signal.
 * Note: undici adds and removes an `abort` listener on the signal of every request, and on an
 * `AbortSignal` (an `EventTarget`) that costs about as much as the rest of the transport's own work
 * on a loopback call; on an `EventEmitter` it is cheap. The runtime shares one signal between
 * attempts that start together, so one relay per signal, made once, serves them all. This module
 * alone owns the map; it is weak, so it keeps no signal alive.
 */
const relays = new WeakMap<AbortSignal, AbortRelay>();

function relay(signal: AbortSignal): AbortRelay {
  let relayed = relays.get(signal);
  if (relayed === undefined) {
    const created = new AbortRelay();
    // Note: any number of requests may share the signal; each adds one listener while it runs.
    created.setMaxListeners(0);
    signal.addEventListener(
      "abort",
      () => {
        created.aborted = true;
        created.reason = signal.reason;
        created.emit("abort");
      },
      { once: true },
    );
    relays.set(signal, created);
    relayed = created;
  }
  return relayed;
}

/** One call, as undici's `request` takes it. */
interface Call {
  url: string;
  method: string;
  /** flat `[name, value, name, value, ...]`, as undici takes them fastest */
  headers: string[];
  body: string | Uint8Array | AsyncIterable<Uint8Array> | null;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
  /** ms for the whole call: headers (undici's `headersTimeout`) and the body read after them */
  timeout: number | undefined;
}

function describe(input: RequestInfo | URL, init: TransportInit | undefined): Call {
  let request: { url: string; method: string; headers: Headers; redirect: RequestRedirect } | undefined;
  let body: BodyInit | null | undefined;
  let signal: AbortSignal | null | undefined;
  if (LiteRequest.is(input)) {
    request = input;
    body = input.source;
    signal = input.signal;
  } else if (input instanceof Request) {
    request = input;
    body = input.body;
    signal = input.signal;
  }
  if (init?.body !== undefined) body = init.body;
  if (init?.signal !== undefined) signal = init.signal;
  const headers =
    init?.headers !== undefined ? new Headers(init.headers) : (request?.headers ?? new Headers());
  return {
    url: request?.url ?? String(input),
    method: init?.method?.toUpperCase() ?? request?.method ?? "GET",
    headers: flatHeaders(headers, body),
    body: toUndiciBody(body),
    signal: signal === NEVER_ABORTED ? undefined : (signal ?? undefined),
    redirect: init?.redirect ?? request?.redirect ?? "follow",
    timeout: init?.timeout,
  };
}

function flatHeaders(headers: Headers, body: BodyInit | null | undefined): string[] {
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  for (const [name, value] of DEFAULT_HEADERS) if (!headers.has(name)) flat.push(name, value);
  const type = body == null || headers.has("content-type") ? undefined : defaultContentType(body);
  if (type) flat.push("content-type", type);
  return flat;
}

/** The `Content-Type` that `fetch` derives from a body when none is set. */
function defaultContentType(body: BodyInit): string | undefined {
  if (typeof body === "string") return "text/plain;charset=UTF-8";
  if (body instanceof URLSearchParams) return "application/x-www-form-urlencoded;charset=UTF-8";
  if (body instanceof Blob) return body.type || undefined;
  // Note: FormData gets its boundary from undici itself.
  return undefined;
}

function toUndiciBody(body: BodyInit | null | undefined): Call["body"] {
  if (body == null) return null;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return body.toString();
  // FormData, Blob, ReadableStream: undici streams them itself.
  return body as unknown as AsyncIterable<Uint8Array>;
}

/** Moves `call` to the redirect target, the way `fetch` does. */
function followRedirect(call: Call, status: number, target: URL): void {
  const from = new URL(call.url);
  if (
    status === 303 ? call.method !== "HEAD" : (status === 301 || status === 302) && call.method === "POST"
  ) {
    call.method = "GET";
    call.body = null;
    call.headers = dropHeaders(call.headers, (name) => name.startsWith("content-"));
  } else if (call.body !== null && typeof call.body !== "string" && !(call.body instanceof Uint8Array)) {
    throw new TypeError("fetch failed", {
      cause: new Error("cannot follow a redirect with a streamed body"),
    });
  }
  if (target.origin !== from.origin) {
    call.headers = dropHeaders(call.headers, (name) => CROSS_ORIGIN_DROPPED.includes(name));
  }
  call.url = target.href;
}

function dropHeaders(flat: string[], drop: (name: string) => boolean): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i] as string;
    if (!drop(name)) kept.push(name, flat[i + 1] as string);
  }
  return kept;
}

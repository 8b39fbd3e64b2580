/**
 * The `Request` class the runtime hands to openapi-fetch (`createClient({ Request })`): it keeps the
 * URL, the init and the serialized body as given, and builds no WHATWG `Request` (whose body stream
 * costs 5-25 µs per call, and which `fetch` would wrap in a second `Request` anyway). The runtime's
 * `fetch` sends it as `fetch(url, init)`, or hands it as is to a transport that knows it
 * (`createUndiciFetch`); middleware sees the same properties and body methods as on a `Request`.
 *
 * Note: `instanceof LiteRequest` also holds for a WHATWG `Request`, because openapi-fetch checks a
 * middleware's return value with `instanceof` its `Request` class; use `LiteRequest.is()` to tell them apart.
 */
export class LiteRequest implements Request {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly #init: RequestInit;
  #materialized: Request | undefined;

  constructor(input: RequestInfo | URL, init: RequestInit = {}) {
    if (typeof input !== "string" && !(input instanceof URL)) {
      // A Request as input: copy it the way `new Request(request, init)` would.
      const source: RequestInit = LiteRequest.is(input)
        ? input.#init
        : { method: input.method, body: input.body, ...(input.body ? { duplex: "half" } : {}) };
      init = { ...source, headers: input.headers, signal: input.signal, ...init };
      input = input.url;
    }
    this.url = typeof input === "string" ? input : input.href;
    this.method = normalizeMethod(init.method);
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? NEVER_ABORTED;
    this.#init = init;
  }

  /** true for a `LiteRequest`, false for anything else (a WHATWG `Request` included) */
  static is(value: unknown): value is LiteRequest {
    return typeof value === "object" && value !== null && #init in value;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return LiteRequest.is(value) || value instanceof Request;
  }

  /** the body as openapi-fetch serialized it (a string for JSON), or null */
  get source(): BodyInit | null {
    return this.#init.body ?? null;
  }

  /** true when the body can be sent again as it is (anything but a one-shot stream) */
  get replayable(): boolean {
    const body = this.#init.body;
    return (
      body == null || typeof body === "string" || !(body instanceof ReadableStream || isAsyncIterable(body))
    );
  }

  /** the init to send this request with `fetch(url, init)`, with the attempt's signal */
  fetchInit(signal: AbortSignal | undefined): RequestInit {
    return {
      ...this.#init,
      method: this.method,
      headers: this.headers,
      signal: signal ?? this.#init.signal ?? null,
    };
  }

  /** A WHATWG `Request` with the same URL, init and body; built once, on first use. */
  toRequest(): Request {
    this.#materialized ??= new Request(this.url, this.fetchInit(undefined));
    return this.#materialized;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.source === null ? null : this.toRequest().body;
  }
  get bodyUsed(): boolean {
    return this.#materialized?.bodyUsed ?? false;
  }
  get cache(): RequestCache {
    return this.#init.cache ?? "default";
  }
  get credentials(): RequestCredentials {
    return this.#init.credentials ?? "same-origin";
  }
  get destination(): RequestDestination {
    return "";
  }
  get integrity(): string {
    return this.#init.integrity ?? "";
  }
  get keepalive(): boolean {
    return this.#init.keepalive ?? false;
  }
  get mode(): RequestMode {
    return this.#init.mode ?? "cors";
  }
  get redirect(): RequestRedirect {
    return this.#init.redirect ?? "follow";
  }
  get referrer(): string {
    return this.#init.referrer ?? "about:client";
  }
  get referrerPolicy(): ReferrerPolicy {
    return this.#init.referrerPolicy ?? "";
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.toRequest().arrayBuffer();
  }
  blob(): Promise<Blob> {
    return this.toRequest().blob();
  }
  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.toRequest()
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer));
  }
  formData(): Promise<FormData> {
    return this.toRequest().formData();
  }
  json(): Promise<unknown> {
    return this.toRequest().json();
  }
  text(): Promise<string> {
    return this.toRequest().text();
  }

  clone(): LiteRequest {
    if (this.#materialized || !this.replayable) {
      // A one-shot body is split the WHATWG way.
      const copy = this.toRequest().clone();
      return new LiteRequest(this.url, {
        ...this.#init,
        headers: new Headers(this.headers),
        body: copy.body,
      });
    }
    return new LiteRequest(this.url, { ...this.#init, headers: new Headers(this.headers) });
  }
}

/**
 * The `Request` class the runtime hands to openapi-fetch (`Runtime.Request`): `LiteRequest` (in a
 * browser bundle, the platform's `Request`).
 */
export const CLIENT_REQUEST: typeof Request = LiteRequest;

/**
 * Marks a `fetch` that speaks the runtime's transport protocol (`createUndiciFetch`'s): it takes a
 * `LiteRequest` as it is, and enforces the attempt's timeout itself (`TransportInit.timeout`).
 * Any other `fetch` gets `fetch(url, init)` (the global one) or a WHATWG `Request`.
 */
export const CXKIT_TRANSPORT: unique symbol = Symbol.for("cxkit.runtime.transport");

/** The init a transport marked with `CXKIT_TRANSPORT` takes. */
export interface TransportInit extends RequestInit {
  /**
   * ms for the whole call, headers and body: past it, the call (or a read of its body) rejects with a
   * `DOMException` named `TimeoutError` (default: the transport's own limits)
   */
  timeout?: number;
}

/** The signal of a request made without one: never aborts. */
export const NEVER_ABORTED = new AbortController().signal;

/** `fetch` upper-cases these methods (and only these); others are sent as given. */
function normalizeMethod(method = "GET"): string {
  return /^(delete|get|head|options|post|put|patch)$/i.test(method) ? method.toUpperCase() : method;
}

function isAsyncIterable(value: object): boolean {
  return Symbol.asyncIterator in value;
}

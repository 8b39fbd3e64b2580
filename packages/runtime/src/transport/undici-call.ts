import { LiteRequest, NEVER_ABORTED, type TransportInit } from "./lite-request.js";

/** What `fetch` sends when the caller set none: some servers and gateways refuse a request without them. */
const DEFAULT_HEADERS: [string, string][] = [
  ["accept", "*/*"],
  ["user-agent", "cxkit"],
];
/** Headers not sent to another origin after a redirect, as `fetch` does. */
const CROSS_ORIGIN_DROPPED = ["authorization", "cookie", "proxy-authorization"];

/** One call, as undici's `request` takes it. */
export interface Call {
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

/** The call as undici takes it, from a `LiteRequest`, a `Request` or a URL, and `init`. */
export function describe(input: RequestInfo | URL, init: TransportInit | undefined): Call {
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
export function followRedirect(call: Call, status: number, target: URL): void {
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

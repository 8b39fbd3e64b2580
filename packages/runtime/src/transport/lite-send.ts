import { type Attempt, attemptInit, type FetchLike } from "../attempt.js";
import { CXKIT_TRANSPORT, LiteRequest, type TransportInit } from "./lite-request.js";

/** Shortest per-attempt timeout left to a transport that enforces timeouts itself, ms. */
const DELEGATED_TIMEOUT_MIN = 10_000;

/** Sends a `LiteRequest` without building a second `Request` where it can. */
export interface LiteSender {
  /**
   * the timeout a transport that enforces timeouts itself (`createUndiciFetch`) takes over for
   * `request`, else undefined: only a long one, as undici's own timers are accurate to about a second
   */
  delegatedTimeout(request: Request, timeout: number | false): number | undefined;
  /** sends `request` if it is a `LiteRequest`; undefined for any other request */
  send(request: Request, attempt: Attempt): Promise<Response> | undefined;
}

/**
 * A `LiteRequest` goes out as `fetch(url, init)` to the global `fetch`, as it is to a transport that
 * takes it (marked with `CXKIT_TRANSPORT`), and as a WHATWG `Request` built per attempt to any other
 * `fetch`. (A browser bundle has none: it gets send-attempt.browser.ts, and no `LiteRequest`.)
 */
export function createLiteSender(custom: FetchLike | undefined): LiteSender {
  const native = custom === undefined ? globalThis.fetch : undefined;
  const transport = (custom as { [CXKIT_TRANSPORT]?: boolean } | undefined)?.[CXKIT_TRANSPORT] === true;
  return {
    delegatedTimeout: (request, timeout) =>
      transport && LiteRequest.is(request) && timeout !== false && timeout >= DELEGATED_TIMEOUT_MIN
        ? timeout
        : undefined,
    send(request, { init, signal, body, timeout }) {
      if (!LiteRequest.is(request)) return undefined;
      if (transport) {
        const transportInit: TransportInit = {};
        if (signal !== undefined) transportInit.signal = signal;
        if (timeout !== undefined) transportInit.timeout = timeout;
        if (body !== undefined) transportInit.body = body;
        return (custom as FetchLike)(request, transportInit);
      }
      const fetchInit =
        init === undefined ? request.fetchInit(signal) : { ...init, ...request.fetchInit(signal) };
      if (body !== undefined) fetchInit.body = body;
      if (native) return native(request.url, fetchInit);
      return (custom as FetchLike)(new Request(request.url, fetchInit), attemptInit(init, signal, body));
    },
  };
}

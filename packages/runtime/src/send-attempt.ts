import { type AttemptFailure, failureOutcome } from "./attempt-failure.js";
import { BufferedResponse } from "./buffered-response.js";
import { CXKIT_TRANSPORT, LiteRequest, type TransportInit } from "./transport/lite-request.js";

/** A `fetch` as the runtime calls it: like the global one, `fetch(request, init)`. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** One attempt as the attempt loop hands it over. */
export interface Attempt {
  /** openapi-fetch's `requestInitExt` (e.g. a `dispatcher`), usually undefined */
  init: RequestInit | undefined;
  /** the buffered body, when a one-shot body may be sent more than once */
  body: ArrayBuffer | undefined;
  /** aborts at the attempt's deadline or the caller's abort */
  signal: AbortSignal | undefined;
  /** a timeout the transport enforces itself (see `delegatesTimeout`) */
  timeout: number | undefined;
}

/** Sends one attempt over a transport and says how it ended. */
export interface AttemptSender {
  /** whether `request` goes to a transport that enforces timeouts itself (`createUndiciFetch`) */
  delegatesTimeout(request: Request): boolean;
  /** sends one attempt; the response comes back with its body unread, or the failure */
  send(request: Request, attempt: Attempt): Promise<Response | AttemptFailure>;
  /** reads the body of the response the call returns, still under the attempt's deadline */
  read(request: Request, response: Response): Promise<Response | AttemptFailure>;
}

/** Response bodies the runtime reads within the attempt: JSON, text (not event streams), XML. */
const READ_TYPES = /json|^text\/(?!event-stream)|xml/i;

/**
 * How an attempt leaves the runtime. A `LiteRequest` (what the runtime's `Request` class builds) goes
 * out without a second `Request`: as `fetch(url, init)` to the global `fetch`, as it is to a transport
 * that takes it (marked with `CXKIT_TRANSPORT`), and as a WHATWG `Request` built per attempt to any
 * other `fetch`. Any other request goes to `fetch(request, init)`.
 */
export function createAttemptSender(custom: FetchLike | undefined): AttemptSender {
  const send: FetchLike = custom ?? globalThis.fetch;
  const transport = (custom as { [CXKIT_TRANSPORT]?: boolean } | undefined)?.[CXKIT_TRANSPORT] === true;

  function dispatch(request: Request, { init, signal, body, timeout }: Attempt): Promise<Response> {
    if (!LiteRequest.is(request)) return send(request, attemptInit(init, signal, body));
    if (transport) {
      const transportInit: TransportInit = {};
      if (signal !== undefined) transportInit.signal = signal;
      if (timeout !== undefined) transportInit.timeout = timeout;
      if (body !== undefined) transportInit.body = body;
      return send(request, transportInit);
    }
    const fetchInit =
      init === undefined ? request.fetchInit(signal) : { ...init, ...request.fetchInit(signal) };
    if (body !== undefined) fetchInit.body = body;
    if (custom === undefined) return (send as typeof fetch)(request.url, fetchInit);
    return send(new Request(request.url, fetchInit), attemptInit(init, signal, body));
  }

  return {
    delegatesTimeout: (request) => transport && LiteRequest.is(request),
    async send(request, attempt) {
      try {
        return await dispatch(request, attempt);
      } catch (error) {
        return { outcome: failureOutcome(request, error), error };
      }
    },
    async read(request, response) {
      const { status } = response;
      if (status === 204 || status === 205 || status === 304 || request.method === "HEAD") return response;
      const type = response.headers.get("content-type");
      if (type !== null && !READ_TYPES.test(type)) return response;
      try {
        return new BufferedResponse(response, await response.text());
      } catch (error) {
        return { outcome: failureOutcome(request, error), error, duringBody: true };
      }
    },
  };
}

/** Whether a request's body must be read once up front to be sent more than once. */
export function mustBuffer(request: Request): boolean {
  return LiteRequest.is(request) ? !request.replayable : request.body !== null;
}

function attemptInit(
  init: RequestInit | undefined,
  signal: AbortSignal | undefined,
  body: ArrayBuffer | undefined,
): RequestInit | undefined {
  if (signal === undefined && body === undefined) return init;
  const result: RequestInit = { ...init };
  if (signal !== undefined) result.signal = signal;
  if (body !== undefined) result.body = body;
  return result;
}

import { BufferedResponse } from "./buffered-response.js";
import { recordCall } from "./call-info.js";
import { type Clock, systemClock } from "./clock.js";
import { AbortError, type ApiError, type ApiErrorDetails, ConnectionError, TimeoutError } from "./errors.js";
import { CXKIT_TRANSPORT, LiteRequest, NEVER_ABORTED, type TransportInit } from "./lite-request.js";
import { type AttemptOutcome, emitAttemptLog, type Logger } from "./logger.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { createRedactor } from "./redact.js";
import { generateRequestId, REQUEST_ID_HEADERS, readRequestId } from "./request-id.js";
import { requestOptions } from "./request-options.js";
import {
  backoffDelay,
  isRetryable,
  overrideRetry,
  type RetryOptions,
  resolveRetry,
  responseRetryDelay,
} from "./retry.js";
import { startAttemptTimeout } from "./timeout.js";

/** A `fetch` as the runtime calls it: like the global one, `fetch(request, init)`. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options of the runtime's `fetch`, set once per client. */
export interface RuntimeFetchOptions {
  /**
   * makes each attempt, called as `fetch(request, init)`; `init` carries the attempt's `signal` and,
   * when a body is re-sent, the buffered `body`, so pass both on (default `globalThis.fetch`)
   */
  fetch?: FetchLike | undefined;
  /** retry policy, or `false` for none (default 2 retries, 500 ms doubling to 8 s, idempotent calls only) */
  retry?: RetryOptions | false | undefined;
  /**
   * per-attempt timeout in ms, or `false` for none: it covers the whole attempt, the body included
   * when the runtime reads it (JSON and text; see `createRuntimeFetch`) (default 60000)
   */
  timeout?: number | false | undefined;
  /** client-side rate limit, a `RateLimiter` shared with other clients, or `false` (default none) */
  rateLimit?: RateLimitOptions | RateLimiter | false | undefined;
  /** sees every attempt, with secrets and sensitive headers redacted (default none) */
  logger?: Logger | undefined;
  /** values never to show in errors or logs, e.g. the token (default none) */
  secrets?: readonly string[] | undefined;
  /** response headers read for the vendor's request id (default `REQUEST_ID_HEADERS`) */
  requestIdHeaders?: readonly string[] | undefined;
  /** clock for backoff waits, rate-limit waits, attempt deadlines and durations (default `systemClock`) */
  clock?: Clock | undefined;
  /** random numbers in [0, 1) for the backoff jitter (default `Math.random`) */
  random?: (() => number) | undefined;
}

/** Shortest per-attempt timeout left to a transport that enforces timeouts itself, ms. */
const DELEGATED_TIMEOUT_MIN = 10_000;

/** Response bodies the runtime reads within the attempt: JSON, text (not event streams), XML. */
const READ_TYPES = /json|^text\/(?!event-stream)|xml/i;

/** An attempt that got no response, or lost it while its body was read. */
interface Failure {
  outcome: Exclude<AttemptOutcome, "response">;
  error: unknown;
  duringBody?: boolean;
}

/**
 * The client's `fetch`: rate limit, per-attempt timeout, retries with backoff and attempt logging.
 * openapi-fetch calls it once per call, beneath its middleware chain, so every attempt made here is
 * a real request. Everything that does not depend on the call is worked out here, once per client.
 *
 * The timeout covers the whole attempt: the response it returns has its body read already (a
 * `BufferedResponse`) when that body is JSON, text or XML, or has no `Content-Type`, so a
 * body that stalls ends in a timeout and is retried like one. Any other body (binary, an event
 * stream) is handed over unread once its headers are in: reading it is not covered by the timeout.
 * `parseAs: "stream"` on a body the runtime read streams the bytes already read.
 *
 * A `LiteRequest` (what the runtime's `Request` class builds) goes out without a second `Request`:
 * as `fetch(url, init)` to the global `fetch`, as it is to a transport that takes it
 * (`createUndiciFetch`), and as a WHATWG `Request` built per attempt to any other `fetch` you pass.
 */
export function createRuntimeFetch(options: RuntimeFetchOptions = {}): FetchLike {
  const custom = options.fetch;
  const send: FetchLike = custom ?? globalThis.fetch;
  const native = custom === undefined ? globalThis.fetch : undefined;
  const transport = (custom as { [CXKIT_TRANSPORT]?: boolean } | undefined)?.[CXKIT_TRANSPORT] === true;
  const policy = resolveRetry(options.retry);
  const defaultTimeout = options.timeout ?? 60_000;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const limiter =
    options.rateLimit instanceof RateLimiter
      ? options.rateLimit
      : options.rateLimit
        ? new RateLimiter(options.rateLimit, clock)
        : undefined;
  const { logger } = options;
  const redactor = createRedactor(options.secrets ?? []);
  const requestIdHeaders = options.requestIdHeaders ?? REQUEST_ID_HEADERS;

  /** One attempt, handed to `fetch` in the form it takes. */
  function dispatch(
    request: Request,
    init: RequestInit | undefined,
    signal: AbortSignal | undefined,
    body: ArrayBuffer | undefined,
  ): Promise<Response> {
    if (!LiteRequest.is(request)) return send(request, attemptInit(init, signal, body));
    // Note: `init` is openapi-fetch's `requestInitExt` (e.g. a `dispatcher`), usually undefined.
    const fetchInit =
      init === undefined ? request.fetchInit(signal) : { ...init, ...request.fetchInit(signal) };
    if (body !== undefined) fetchInit.body = body;
    if (native) return native(request.url, fetchInit);
    return send(new Request(request.url, fetchInit), attemptInit(init, signal, body));
  }

  /** One attempt through a transport that speaks the runtime's protocol: the request as it is. */
  function transmit(
    request: LiteRequest,
    body: ArrayBuffer | undefined,
    signal: AbortSignal | undefined,
    timeout: number | undefined,
  ): Promise<Response> {
    const init: TransportInit = {};
    if (signal !== undefined) init.signal = signal;
    if (timeout !== undefined) init.timeout = timeout;
    if (body !== undefined) init.body = body;
    return send(request, init);
  }

  /** Sends one attempt under its deadline; the response comes back with its body unread. */
  async function sendOnce(
    request: Request,
    init: RequestInit | undefined,
    body: ArrayBuffer | undefined,
    signal: AbortSignal | undefined,
    delegated: number | undefined,
  ): Promise<Response | Failure> {
    try {
      return await (transport && LiteRequest.is(request)
        ? transmit(request, body, signal, delegated)
        : dispatch(request, init, signal, body));
    } catch (error) {
      return { outcome: failureOutcome(request, error), error };
    }
  }

  /** Reads the body of the response the call returns, still under the attempt's deadline. */
  async function readBody(request: Request, response: Response): Promise<Response | Failure> {
    const { status } = response;
    if (status === 204 || status === 205 || status === 304 || request.method === "HEAD") return response;
    const type = response.headers.get("content-type");
    if (type !== null && !READ_TYPES.test(type)) return response;
    try {
      return new BufferedResponse(response, await response.text());
    } catch (error) {
      return { outcome: failureOutcome(request, error), error, duringBody: true };
    }
  }

  /** Waits for a backoff or a rate-limit slot; the caller's abort ends the call at once. */
  async function wait(pending: Promise<void>, request: Request, attempts: number, requestId: string) {
    try {
      await pending;
    } catch (error) {
      throw failureError({ outcome: "aborted", error }, request, attempts, requestId, false);
    }
  }

  function failureError(
    failure: Failure,
    request: Request,
    attempts: number,
    requestId: string,
    timeout: number | false,
  ): ApiError {
    const url = new URL(request.url);
    const details: ApiErrorDetails<never> = {
      method: request.method,
      // Note: the concrete path; the runtime middleware swaps in the operation's path template.
      path: redactor.string(url.pathname),
      requestId,
      attempts,
      cause: redactor.error(failure.error),
    };
    if (failure.outcome === "aborted")
      return new AbortError({ ...details, summary: "was aborted by the caller" });
    // Note: the origin tells a wrong base URL apart; it never holds credentials or a query string.
    const where = `${failure.duringBody ? "reading the body from" : "from"} ${redactor.string(url.origin)}`;
    return failure.outcome === "timeout"
      ? new TimeoutError({ ...details, summary: `timed out after ${timeout} ms ${where}` })
      : new ConnectionError({
          ...details,
          summary: `got no answer ${where} (${redactor.string(describeFailure(failure.error))})`,
        });
  }

  return async function runtimeFetch(request: Request, init?: RequestInit): Promise<Response> {
    const overrides = requestOptions(request);
    const retry = overrides.retry === undefined ? policy : overrideRetry(policy, overrides.retry);
    const timeout = overrides.timeout ?? defaultTimeout;
    const maxAttempts = isRetryable(retry, request.method, request.url) ? retry.retries + 1 : 1;
    // Note: a stream body can be read only once. When it may be sent more than once it is read here,
    // once, and every attempt sends the same bytes; a LiteRequest's serialized body is sent as it is.
    const body = maxAttempts > 1 && mustBuffer(request) ? await request.arrayBuffer() : undefined;
    const callId = logger ? generateRequestId() : undefined;
    const caller = request.signal === NEVER_ABORTED ? undefined : request.signal;
    const lite = transport && LiteRequest.is(request);

    for (let attempt = 1; ; attempt++) {
      // Note: the limiter and the sleeps below are given no signal when the caller gave none.
      const turn = limiter?.acquire(caller);
      if (turn) await wait(turn, request, attempt - 1, callId ?? generateRequestId());
      const started = clock.now();
      // Note: a transport enforces a long timeout itself (undici's own timers, to within a second),
      // which saves the abort wiring on every attempt.
      const delegated = lite && timeout !== false && timeout >= DELEGATED_TIMEOUT_MIN ? timeout : undefined;
      const ms = delegated === undefined ? timeout : false;
      const deadline = ms !== false || caller ? startAttemptTimeout(ms, caller, clock) : undefined;
      let result = await sendOnce(request, init, body, deadline?.signal, delegated);
      let retryIn: number | undefined;
      if (!("outcome" in result)) {
        retryIn = attempt < maxAttempts ? responseRetryDelay(retry, attempt, result, random) : undefined;
        if (retryIn === undefined) result = await readBody(request, result);
        else result.body?.cancel().catch(ignore);
      }
      deadline?.end();
      const durationMs = clock.now() - started;
      const failure = "outcome" in result ? result : undefined;
      const response = failure ? undefined : (result as Response);
      if (failure && failure.outcome !== "aborted" && attempt < maxAttempts) {
        retryIn = backoffDelay(retry, attempt, random);
      }
      if (logger) {
        emitAttemptLog(logger, redactor, {
          request,
          attempt,
          outcome: failure?.outcome ?? "response",
          response,
          durationMs,
          requestId:
            (response && readRequestId(response.headers, requestIdHeaders)) ?? callId ?? generateRequestId(),
          retryInMs: retryIn,
          error: failure && describeFailure(failure.error),
        });
      }
      if (retryIn === undefined) {
        if (response) {
          if (!response.ok || attempt > 1 || callId)
            recordCall(response, { attempts: attempt, requestId: callId });
          return response;
        }
        throw failureError(result as Failure, request, attempt, callId ?? generateRequestId(), timeout);
      }
      await wait(clock.sleep(retryIn, caller), request, attempt, callId ?? generateRequestId());
    }
  };
}

/**
 * How an attempt that threw ended: the caller's abort, a timeout (the deadline's, or a transport's
 * own: both end the attempt with a `DOMException` named `TimeoutError`), or the connection.
 */
function failureOutcome(request: Request, error: unknown): Failure["outcome"] {
  if (request.signal.aborted) return "aborted";
  return error instanceof DOMException && error.name === "TimeoutError" ? "timeout" : "connection-error";
}

function mustBuffer(request: Request): boolean {
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

/** The most telling part of a fetch failure: a socket code such as ECONNRESET, else the message. */
function describeFailure(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (current.cause === undefined) return current.message;
    current = current.cause;
  }
  return String(current);
}

function ignore(): void {}

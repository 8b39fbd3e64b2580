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
import { AttemptTimeout } from "./timeout.js";

/** A `fetch` as the runtime calls it: like the global one, `fetch(request, init)`. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options of the runtime's `fetch`, set once per client. */
export interface RuntimeFetchOptions {
  /**
   * makes each attempt, called as `fetch(request, init)`; `init` carries the attempt's `signal` and,
   * when a body is re-sent, the buffered `body`, so pass both on (default `globalThis.fetch`)
   */
  fetch?: FetchLike;
  /** retry policy, or `false` for none (default 2 retries, 500 ms doubling to 8 s, idempotent calls only) */
  retry?: RetryOptions | false;
  /** per-attempt timeout in ms, or `false` for none (default 60000) */
  timeout?: number | false;
  /** client-side rate limit, a `RateLimiter` shared with other clients, or `false` (default none) */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  /** sees every attempt, with secrets and sensitive headers redacted (default none) */
  logger?: Logger;
  /** values never to show in errors or logs, e.g. the token (default none) */
  secrets?: readonly string[];
  /** response headers read for the vendor's request id (default `REQUEST_ID_HEADERS`) */
  requestIdHeaders?: readonly string[];
  /** clock for backoff waits, rate-limit waits and durations (default `systemClock`) */
  clock?: Clock;
  /** random numbers in [0, 1) for the backoff jitter (default `Math.random`) */
  random?: () => number;
}

/** Shortest per-attempt timeout left to a transport that enforces timeouts itself, ms. */
const DELEGATED_TIMEOUT_MIN = 10_000;

/** An attempt that got no response. */
class Failure {
  constructor(
    readonly outcome: Exclude<AttemptOutcome, "response">,
    readonly error: unknown,
  ) {}
}

/**
 * The client's `fetch`: rate limit, per-attempt timeout, retries with backoff and attempt logging.
 * openapi-fetch calls it once per call, beneath its middleware chain, so every attempt made here is
 * a real request. Everything that does not depend on the call is worked out here, once per client.
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

  async function sendOnce(
    request: Request,
    init: RequestInit | undefined,
    body: ArrayBuffer | undefined,
    timeout: number | false,
  ): Promise<Response | Failure> {
    const lite = transport && LiteRequest.is(request);
    // Note: a transport enforces a long timeout itself (undici's headersTimeout, to within a second),
    // which saves an AbortController, a timer and the abort wiring on every attempt.
    const delegated = lite && timeout !== false && timeout >= DELEGATED_TIMEOUT_MIN;
    const caller = request.signal === NEVER_ABORTED ? undefined : request.signal;
    const deadline = timeout === false || delegated ? undefined : new AttemptTimeout(timeout, caller);
    try {
      return await (lite
        ? transmit(request, body, deadline?.signal ?? caller, delegated ? timeout : undefined)
        : dispatch(request, init, deadline?.signal, body));
    } catch (error) {
      const timedOut = deadline?.timedOut || (delegated && isTimeoutError(error));
      const outcome = request.signal.aborted ? "aborted" : timedOut ? "timeout" : "connection-error";
      return new Failure(outcome, error);
    } finally {
      deadline?.clear();
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
    const details: ApiErrorDetails<never> = {
      method: request.method,
      // Note: the concrete path; the runtime middleware swaps in the operation's path template.
      path: redactor.string(new URL(request.url).pathname),
      requestId,
      attempts,
      cause: redactor.error(failure.error),
    };
    if (failure.outcome === "aborted")
      return new AbortError({ ...details, summary: "was aborted by the caller" });
    if (failure.outcome === "timeout") {
      return new TimeoutError({ ...details, summary: `timed out after ${timeout} ms` });
    }
    const reason = redactor.string(describeFailure(failure.error));
    return new ConnectionError({ ...details, summary: `got no response (${reason})` });
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

    for (let attempt = 1; ; attempt++) {
      const turn = limiter?.acquire(request.signal);
      if (turn) await wait(turn, request, attempt - 1, callId ?? generateRequestId());
      const started = clock.now();
      const result = await sendOnce(request, init, body, timeout);
      const durationMs = clock.now() - started;

      if (!(result instanceof Failure)) {
        const retryIn =
          attempt < maxAttempts ? responseRetryDelay(retry, attempt, result, random) : undefined;
        if (logger) {
          const requestId = readRequestId(result.headers, requestIdHeaders) ?? callId ?? generateRequestId();
          emitAttemptLog(logger, redactor, {
            request,
            attempt,
            outcome: "response",
            response: result,
            durationMs,
            requestId,
            retryInMs: retryIn,
            error: undefined,
          });
        }
        if (retryIn === undefined) {
          if (!result.ok || attempt > 1 || callId)
            recordCall(result, { attempts: attempt, requestId: callId });
          return result;
        }
        result.body?.cancel().catch(ignore);
        await wait(clock.sleep(retryIn, request.signal), request, attempt, callId ?? generateRequestId());
        continue;
      }

      const retryIn =
        result.outcome !== "aborted" && attempt < maxAttempts
          ? backoffDelay(retry, attempt, random)
          : undefined;
      const requestId = callId ?? generateRequestId();
      if (logger) {
        emitAttemptLog(logger, redactor, {
          request,
          attempt,
          outcome: result.outcome,
          response: undefined,
          durationMs,
          requestId,
          retryInMs: retryIn,
          error: describeFailure(result.error),
        });
      }
      if (retryIn === undefined) throw failureError(result, request, attempt, requestId, timeout);
      await wait(clock.sleep(retryIn, request.signal), request, attempt, requestId);
    }
  };
}

function isTimeoutError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "TimeoutError";
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

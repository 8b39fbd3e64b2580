import { type AttemptFailure, describeFailure, type FetchLike, failureOutcome } from "./attempt.js";
import { BufferedResponse } from "./buffered-response.js";
import { identifyCall, recordCall } from "./call-info.js";
import { type Clock, systemClock } from "./clock.js";
import { noResponseError } from "./errors.js";
import { emitAttemptLog, type Logger } from "./logger.js";
import type { RateLimiter } from "./rate-limit.js";
import { readsBody } from "./reads-body.js";
import { createRedactor } from "./redact.js";
import { generateRequestId } from "./request-id.js";
import { requestOptions } from "./request-options.js";
import {
  backoffDelay,
  isRetryable,
  overrideRetry,
  type RetryOptions,
  resolveRetry,
  responseRetryDelay,
} from "./retry.js";
import { createAttemptSender, mustBuffer } from "./send-attempt.js";
import { createDeadlines } from "./timeout.js";
import { NEVER_ABORTED } from "./transport/lite-request.js";

export type { FetchLike } from "./attempt.js";

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
  /** client-side rate limit: a `RateLimiter` (which other clients may share), or `false` (default none) */
  rateLimit?: RateLimiter | false | undefined;
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

/**
 * The client's `fetch`: the attempt loop (rate limit, per-attempt timeout, retries with backoff, one
 * log line per attempt). openapi-fetch calls it once per call, beneath its middleware chain, so every
 * attempt made here is a real request; `send-attempt.ts` sends each one over the transport.
 *
 * The timeout covers the whole attempt: the response it returns has its body read already (a
 * `BufferedResponse`) when that body is JSON, text or XML, or has no `Content-Type`, so a
 * body that stalls ends in a timeout and is retried like one. Any other body (binary, an event
 * stream) is handed over unread once its headers are in: reading it is not covered by the timeout.
 * `parseAs: "stream"` on a body the runtime read streams the bytes already read.
 */
export function createRuntimeFetch(options: RuntimeFetchOptions = {}): FetchLike {
  const sender = createAttemptSender(options.fetch);
  const policy = resolveRetry(options.retry);
  const defaultTimeout = options.timeout ?? 60_000;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const { logger, rateLimit, requestIdHeaders } = options;
  const limiter = rateLimit || undefined;
  const redactor = createRedactor(options.secrets ?? []);
  // Note: the platform's own `fetch` (no custom one) lets a signal serve attempts one after another.
  const startDeadline = createDeadlines(clock, !options.fetch);

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
    // Note: a transport may enforce the timeout itself, which saves the abort wiring on every attempt.
    const delegated = sender.delegatedTimeout(request, timeout);
    const ms = delegated === undefined ? timeout : false;

    /** The error of an attempt that got no response, or of a wait the caller aborted. */
    const failed = (failure: AttemptFailure, attempts: number) => {
      const { pathname, origin } = new URL(request.url);
      // Note: the concrete path; the runtime middleware swaps in the operation's path template.
      const path = redactor.string(pathname);
      const requestId = callId ?? generateRequestId();
      return noResponseError(failure, {
        method: request.method,
        path,
        requestId,
        attempts,
        redactor,
        origin,
        timeout,
      });
    };
    /** Waits for a backoff or a rate-limit slot; the caller's abort ends the call at once. */
    const wait = (pending: Promise<void>, attempts: number) =>
      pending.catch((error) => {
        throw failed({ outcome: "aborted", error }, attempts);
      });

    for (let attempt = 1; ; attempt++) {
      // Note: the limiter and the sleeps below are given no signal when the caller gave none.
      const turn = limiter?.acquire(caller);
      if (turn) await wait(turn, attempt - 1);
      const started = clock.now();
      const deadline = ms !== false || caller ? startDeadline(ms, caller) : undefined;
      let response: Response | undefined;
      let failure: AttemptFailure | undefined;
      let retryIn: number | undefined;
      try {
        response = await sender.send(request, { init, body, signal: deadline?.signal, timeout: delegated });
        retryIn = attempt < maxAttempts ? responseRetryDelay(retry, attempt, response, random) : undefined;
        if (retryIn !== undefined) response.body?.cancel().catch(ignore);
        else if (readsBody(request.method, response)) {
          response = new BufferedResponse(response, await response.text());
        }
      } catch (error) {
        // Note: a response here means its headers had arrived, and its body was being read.
        failure = { outcome: failureOutcome(request, error), error, duringBody: response !== undefined };
        response = undefined;
      }
      deadline?.end(response);
      if (failure && failure.outcome !== "aborted" && attempt < maxAttempts) {
        retryIn = backoffDelay(retry, attempt, random);
      }
      if (logger) {
        const { requestId } = identifyCall(response, { requestId: callId, requestIdHeaders });
        const error = failure && describeFailure(failure.error);
        emitAttemptLog(logger, redactor, request, response, error, {
          attempt,
          outcome: failure?.outcome ?? "response",
          durationMs: clock.now() - started,
          requestId,
          retryInMs: retryIn,
        });
      }
      if (retryIn !== undefined) {
        await wait(clock.sleep(retryIn, caller), attempt);
      } else if (response) {
        if (!response.ok || attempt > 1 || callId) recordCall(response, { attempts: attempt, callId });
        return response;
      } else {
        throw failed(failure as AttemptFailure, attempt);
      }
    }
  };
}

function ignore(): void {}

import { describeValue } from "./check-options.js";
import { escapeRegExp } from "./escape-regexp.js";

/** How failed attempts are retried. Set per client, or per call with `{ retry }`. */
export interface RetryOptions {
  /** retries after the first attempt, so at most `retries + 1` requests (default 2) */
  retries?: number;
  /** backoff before the first retry in ms, doubled for each further retry (default 500) */
  minDelay?: number;
  /** longest backoff in ms (default 8000) */
  maxDelay?: number;
  /** fraction of each backoff taken off at random, 0 to 1 (default 0.25) */
  jitter?: number;
  /** longest `Retry-After` honoured, in ms; a longer one is not waited for and the response is returned (default 60000) */
  maxRetryAfter?: number;
  /** also retry calls that are not idempotent, e.g. a POST you know is safe to repeat (default false) */
  nonIdempotent?: boolean;
  /**
   * operations besides GET, HEAD, OPTIONS, PUT and DELETE that are safe to repeat, as
   * `"PATCH /contacts/{id}"` (default none; each client package lists its idempotent PATCHes)
   */
  idempotentOperations?: readonly string[];
}

/** Per-call retry override: `false` (no retries), a number of retries, or options merged over the client's. */
export type RequestRetryOption = false | number | Omit<RetryOptions, "idempotentOperations">;

/** Retry options with every default filled in and the operation list compiled; built once per client. */
export interface RetryPolicy {
  readonly retries: number;
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly jitter: number;
  readonly maxRetryAfter: number;
  readonly nonIdempotent: boolean;
  /** compiled `idempotentOperations`, by method */
  readonly operations: ReadonlyMap<string, readonly RegExp[]>;
}

const DEFAULT_RETRY = {
  retries: 2,
  minDelay: 500,
  maxDelay: 8000,
  jitter: 0.25,
  maxRetryAfter: 60_000,
  nonIdempotent: false,
};

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** Fills in the defaults; `false` means no retries. */
export function resolveRetry(options: RetryOptions | false | undefined): RetryPolicy {
  const given = options === false ? { retries: 0 } : (options ?? {});
  return {
    ...DEFAULT_RETRY,
    ...definedOnly(given),
    operations: compileOperations(given.idempotentOperations ?? []),
  };
}

/** The client's policy with a per-call override applied (the client's operation list is kept). */
export function overrideRetry(policy: RetryPolicy, override: RequestRetryOption): RetryPolicy {
  if (override === false) return { ...policy, retries: 0 };
  if (typeof override === "number") return { ...policy, retries: override };
  return { ...policy, ...definedOnly(override) };
}

/** Whether a call may be sent more than once: by method, by the operation list, or when asked. */
export function isRetryable(policy: RetryPolicy, method: string, url: string): boolean {
  if (policy.retries <= 0) return false;
  if (IDEMPOTENT_METHODS.has(method) || policy.nonIdempotent) return true;
  const patterns = policy.operations.get(method);
  if (patterns === undefined) return false;
  const { pathname } = new URL(url);
  return patterns.some((pattern) => pattern.test(pathname));
}

/** 408, 409, 429 and every 5xx are worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408 || status === 409;
}

/**
 * Wait before retry number `retry` (1-based) after a response with this status, or undefined when
 * the response should be returned as it is (not retryable, or `Retry-After` beyond the cap).
 */
export function responseRetryDelay(
  policy: RetryPolicy,
  retry: number,
  response: Response,
  random: () => number,
): number | undefined {
  if (!isRetryableStatus(response.status)) return undefined;
  const retryAfter = parseRetryAfter(response.headers, Date.now());
  if (retryAfter === undefined) return backoffDelay(policy, retry, random);
  return retryAfter <= policy.maxRetryAfter ? retryAfter : undefined;
}

/** Exponential backoff with jitter: `minDelay * 2^(retry-1)`, capped at `maxDelay`, minus up to `jitter` of it. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const delay = Math.min(policy.minDelay * 2 ** (retry - 1), policy.maxDelay);
  return delay * (1 - policy.jitter * random());
}

/**
 * `Retry-After` in ms: delay-seconds or an HTTP date (relative to `now`, epoch ms); negative waits are 0.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function compileOperations(operations: readonly string[]): Map<string, RegExp[]> {
  const compiled = new Map<string, RegExp[]>();
  for (const operation of operations) {
    const match = /^([A-Za-z]+) (\/\S*)$/.exec(operation);
    if (!match?.[1] || !match[2]) {
      throw new TypeError(`idempotentOperations: expected "METHOD /path", got ${describeValue(operation)}`);
    }
    const method = match[1].toUpperCase();
    // Note: matched against the end of the URL's path, so the base URL's own path (e.g. /api/v1) does not matter.
    const source = match[2]
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join("[^/]+");
    compiled.set(method, [...(compiled.get(method) ?? []), new RegExp(`${source}/?$`)]);
  }
  return compiled;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

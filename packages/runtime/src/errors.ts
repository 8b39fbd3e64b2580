import { type AttemptFailure, describeFailure } from "./attempt.js";
import type { Redactor } from "./redact.js";
import { parseRetryAfter } from "./retry.js";

/** Everything an `ApiError` carries. Strings and bodies are already redacted when they get here. */
export interface ApiErrorDetails<B = unknown> {
  /** HTTP status; undefined when no response arrived (connection, timeout, abort) */
  status?: number | undefined;
  /** the vendor's error body: parsed JSON, or the raw text when it was not JSON */
  body?: B | undefined;
  /** HTTP method, e.g. `GET` */
  method: string;
  /** the operation's path template, e.g. `/contacts/{CONTACT_ID}` */
  path: string;
  /** the vendor's request id, or one generated on our side (`local-...`) */
  requestId: string;
  /** how many attempts were made, retries included */
  attempts: number;
  /** what went wrong, in a few words (default `failed with <status>`) */
  summary?: string | undefined;
  /** the server's `Retry-After`, in milliseconds */
  retryAfter?: number | undefined;
  /** the underlying error, redacted */
  cause?: unknown;
  /** the final response, when there was one */
  response?: Response | undefined;
}

/** The details an `ApiError` shows as its own fields, in this order. */
const ERROR_FIELDS = ["status", "body", "method", "path", "requestId", "attempts"] as const;

/** Base class of every error the runtime throws. */
export class ApiError<B = unknown> extends Error {
  override name = "ApiError";
  /** HTTP status; undefined when no response arrived */
  declare readonly status: number | undefined;
  /** the vendor's error body (typed by the client package, e.g. `ApiError<DixaError>`) */
  declare readonly body: B | undefined;
  declare readonly method: string;
  /** path template of the operation; only `PaginationError` may fall back to the URL's path */
  declare readonly path: string;
  declare readonly requestId: string;
  declare readonly attempts: number;
  /** the final response (not enumerable, so it stays out of logs and `JSON.stringify`) */
  declare readonly response: Response | undefined;
  /** @internal the details this error was built from, kept to rebuild it with the path template */
  declare readonly details: ApiErrorDetails<B>;

  constructor(details: ApiErrorDetails<B>) {
    super(formatMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    for (const field of ERROR_FIELDS) (this as Record<string, unknown>)[field] = details[field];
    // Note: not enumerable, so logging or serialising an error shows neither the Response nor a copy.
    Object.defineProperties(this, { response: { value: details.response }, details: { value: details } });
  }

  /** the fields a log needs: name, message, status, method, path, request id, attempts, body */
  toJSON(): Record<string, unknown> {
    // Note: `response` and `details` are not enumerable, so they stay out.
    return { ...(this as object), message: this.message };
  }
}

/** 400: the vendor rejected the request as invalid. */
export class BadRequestError<B = unknown> extends ApiError<B> {
  override name = "BadRequestError";
}
/** 401: the token or key is missing or wrong. */
export class AuthenticationError<B = unknown> extends ApiError<B> {
  override name = "AuthenticationError";
}
/** 403: the credential may not do this. */
export class PermissionDeniedError<B = unknown> extends ApiError<B> {
  override name = "PermissionDeniedError";
}
/** 404 */
export class NotFoundError<B = unknown> extends ApiError<B> {
  override name = "NotFoundError";
}
/** 409 (retried on idempotent calls before it is thrown) */
export class ConflictError<B = unknown> extends ApiError<B> {
  override name = "ConflictError";
}
/** 422 */
export class UnprocessableEntityError<B = unknown> extends ApiError<B> {
  override name = "UnprocessableEntityError";
}
/** 429, after the retries; `retryAfter` says how long the vendor asked to wait. */
export class RateLimitError<B = unknown> extends ApiError<B> {
  override name = "RateLimitError";
  /** the vendor's `Retry-After` in milliseconds, when it sent one */
  readonly retryAfter: number | undefined;
  constructor(details: ApiErrorDetails<B>) {
    super(details);
    this.retryAfter = details.retryAfter;
  }
}
/** Any 5xx (an HTML page from a proxy included), after the retries. */
export class InternalServerError<B = unknown> extends ApiError<B> {
  override name = "InternalServerError";
}
/** No response: the connection failed or dropped. */
export class ConnectionError extends ApiError<never> {
  override name = "ConnectionError";
}
/** No response within the per-attempt timeout, after the retries. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}
/** The caller's `AbortSignal` fired; never retried. */
export class AbortError extends ApiError<never> {
  override name = "AbortError";
}
/** A 2xx whose body cannot be used: malformed JSON, or empty where JSON was expected. */
export class InvalidResponseError extends ApiError<string> {
  override name = "InvalidResponseError";
}
/** `paginate()` met a cursor it had already followed, and stopped instead of looping. */
export class PaginationError extends ApiError<never> {
  override name = "PaginationError";
}

/** Where an error happened, for `createApiError`. */
export interface ErrorContext {
  method: string;
  path: string;
  requestId: string;
  attempts: number;
  redactor: Redactor;
}

/** The class of each status that has its own; other 5xx are `InternalServerError`, the rest `ApiError`. */
const ERROR_BY_STATUS: Record<number, new (details: ApiErrorDetails) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The one factory from a non-2xx response: picks the class by status and redacts the body. */
export function createApiError(response: Response, body: unknown, context: ErrorContext): ApiError {
  const { status } = response;
  const { redactor, ...call } = context;
  const ErrorClass = ERROR_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass({
    ...call,
    status,
    body: redactor.value(body),
    retryAfter: status === 429 ? parseRetryAfter(response.headers, Date.now()) : undefined,
    response,
  });
}

/** The call behind an error without a response, for `noResponseError`. */
export interface NoResponseContext extends ErrorContext {
  /** the response whose body could not be read, if any */
  response?: Response;
  /** where the attempt went (no credentials, no query) and its timeout; absent while a body was read */
  origin?: string;
  timeout?: number | false;
}

/**
 * The one factory for calls that got no (complete) response: `AbortError` when the caller aborted,
 * `TimeoutError` past the attempt's timeout, else `ConnectionError`. The cause is redacted.
 */
export function noResponseError(failure: AttemptFailure, context: NoResponseContext): ApiError<never> {
  const { redactor, origin, timeout, ...call } = context;
  const details: ApiErrorDetails<never> = { ...call, cause: redactor.error(failure.error) };
  if (failure.outcome === "aborted")
    return new AbortError({ ...details, summary: "was aborted by the caller" });
  if (origin === undefined) {
    return new ConnectionError({ ...details, summary: "lost the connection while reading the body" });
  }
  // Note: the origin tells a wrong base URL apart.
  const where = `${failure.duringBody ? "reading the body from" : "from"} ${redactor.string(origin)}`;
  return failure.outcome === "timeout"
    ? new TimeoutError({ ...details, summary: `timed out after ${timeout} ms ${where}` })
    : new ConnectionError({
        ...details,
        summary: `got no answer ${where} (${redactor.string(describeFailure(failure.error))})`,
      });
}

/** The same error with another path (the template, once the middleware knows it). */
export function withPath<E extends ApiError>(error: E, path: string): E {
  const ErrorClass = error.constructor as new (details: ApiErrorDetails) => E;
  return new ErrorClass({ ...error.details, path });
}

function formatMessage(details: ApiErrorDetails<unknown>): string {
  const { status, response } = details;
  const summary =
    details.summary ??
    (status === undefined
      ? "failed"
      : `failed with ${status}${response?.statusText ? ` ${response.statusText}` : ""}`);
  const vendor = status !== undefined && status >= 400 ? vendorMessage(details.body) : undefined;
  const attempts = `${details.attempts} attempt${details.attempts === 1 ? "" : "s"}`;
  return `${details.method} ${details.path} ${summary}${vendor ? `: ${vendor}` : ""} (request id ${details.requestId}, ${attempts})`;
}

/** The common error shape, `{ message }`, is echoed (cut at 300 characters); anything else is not. */
function vendorMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() === "" ? undefined : "the body is not JSON";
  if (body === null || typeof body !== "object") return undefined;
  const message = (body as { message?: unknown }).message;
  return typeof message === "string" ? message.slice(0, 300) : undefined;
}

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

/** What `JSON.stringify` shows of an error: its name, its message and its own fields. */
function errorJson(error: Error): Record<string, unknown> {
  return { ...error, name: error.name, message: error.message };
}

/** A `TypeError` raised before any request (bad credential, option or input) that serialises its message. */
class InputError extends TypeError {
  toJSON(): Record<string, unknown> {
    return errorJson(this);
  }
}

/**
 * A client was constructed without a usable credential: missing, blank, or with characters an HTTP
 * header cannot carry. The message names the option (a facade may name the environment variable
 * instead, with a subclass); it never contains the credential.
 */
export class MissingCredentialError extends InputError {
  override name = "MissingCredentialError";
}

/**
 * A call refused before sending, because its input breaks a rule of the vendor's API that the
 * generated types cannot express (e.g. a map key that must be a UUID but is not). No request was
 * made. The message names the operation and what was wrong.
 */
export class InvalidRequestError extends InputError {
  override name = "InvalidRequestError";
  /** the operation, e.g. `PATCH /conversations/{conversationId}/custom-attributes` */
  readonly operation: string;
  constructor(operation: string, problem: string) {
    super(`${operation}: ${problem}; nothing was sent`);
    this.operation = operation;
  }
}

/**
 * A client factory (or `new RateLimiter`) got an option of the wrong type or outside its range, e.g.
 * `timeout: -5`. Thrown at construction, before any request; the message names the option, what was
 * given (header values never shown) and what is allowed.
 */
export class ClientOptionsError extends InputError {
  override name = "ClientOptionsError";
  constructor(
    /** the option's path, e.g. `retry.retries` */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** Base class of every error the runtime throws. */
export class ApiError<B = unknown> extends Error {
  override name = "ApiError";
  /** HTTP status; undefined when no response arrived */
  readonly status: number | undefined;
  /** the vendor's error body (typed by the client package, e.g. `ApiError<DixaError>`) */
  readonly body: B | undefined;
  readonly method: string;
  /** path template of the operation; only `PaginationError` may fall back to the URL's path */
  readonly path: string;
  readonly requestId: string;
  readonly attempts: number;
  /** the final response (not enumerable, so it stays out of logs and `JSON.stringify`) */
  declare readonly response: Response | undefined;
  /** @internal the details this error was built from, kept to rebuild it with the path template */
  declare readonly details: ApiErrorDetails<B>;

  constructor(details: ApiErrorDetails<B>) {
    super(formatMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.body = details.body;
    this.method = details.method;
    this.path = details.path;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
    // Note: not enumerable, so logging or serialising an error shows neither the Response nor a copy.
    Object.defineProperties(this, { response: { value: details.response }, details: { value: details } });
  }

  /** the fields a log needs: name, message, status, method, path, request id, attempts, body */
  toJSON(): Record<string, unknown> {
    // Note: `response` and `details` are not enumerable, so they stay out.
    return errorJson(this);
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
  const ErrorClass = ERROR_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass({
    status,
    body: context.redactor.value(body),
    method: context.method,
    path: context.path,
    requestId: context.requestId,
    attempts: context.attempts,
    summary: `failed with ${status}${response.statusText ? ` ${response.statusText}` : ""}`,
    retryAfter: status === 429 ? parseRetryAfter(response.headers, Date.now()) : undefined,
    response,
  });
}

/** The same error with another path (the template, once the middleware knows it). */
export function withPath<E extends ApiError>(error: E, path: string): E {
  const ErrorClass = error.constructor as new (details: ApiErrorDetails) => E;
  return new ErrorClass({ ...error.details, path });
}

function formatMessage(details: ApiErrorDetails<unknown>): string {
  const summary =
    details.summary ?? (details.status === undefined ? "failed" : `failed with ${details.status}`);
  const vendor =
    details.status !== undefined && details.status >= 400 ? vendorMessage(details.body) : undefined;
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

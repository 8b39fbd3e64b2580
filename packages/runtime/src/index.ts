export {
  checkClientOptions,
  describeValue,
  MAX_DELAY_MS,
  type RefuseOption,
} from "./check-options.js";
export { type Clock, systemClock } from "./clock.js";
export {
  type ApiClientOptions,
  createApiClient,
  type VendorProfile,
} from "./create-api-client.js";
export { createRuntime, type Runtime, type RuntimeOptions } from "./create-runtime.js";
export {
  AbortError,
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createApiError,
  type ErrorContext,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export { assertHeaderSafe, isHeaderValue } from "./header-value.js";
export { ClientOptionsError, InvalidRequestError, MissingCredentialError } from "./input-errors.js";
export type { AttemptLog, AttemptOutcome, Logger } from "./logger.js";
export {
  alpharunPagination,
  dixaPagination,
  type PaginateOptions,
  type Pagination,
  paginate,
} from "./paginate.js";
export { dixaRateLimit, RateLimiter, type RateLimitOptions } from "./rate-limit.js";
export { createRedactor, REDACTED, type Redactor } from "./redact.js";
export { REQUEST_ID_HEADERS } from "./request-id.js";
export type { RuntimeRequestOptions } from "./request-options.js";
export { parseRetryAfter, type RequestRetryOption, type RetryOptions } from "./retry.js";
export { createRuntimeFetch, type FetchLike, type RuntimeFetchOptions } from "./runtime-fetch.js";
export { createRuntimeMiddleware, type RuntimeMiddlewareOptions } from "./runtime-middleware.js";
export { LiteRequest } from "./transport/lite-request.js";
export { type FetchResult, type ResultData, unwrap } from "./unwrap.js";

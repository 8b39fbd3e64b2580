export { type ApiClient, type ApiMethod, type CallInit, type CallResult, PAGINATION } from "./api-client.js";
export { checkCredential } from "./check-credential.js";
export {
  checkClientOptions,
  checkRateLimitOptions,
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
export type {
  LiveCase,
  LiveCaseSource,
  LiveCaseTable,
  LiveClientOptions,
  SafeMethod,
  SafeOperation,
} from "./live-cases.js";
export type { AttemptLog, AttemptOutcome, Logger } from "./logger.js";
export {
  type PageOptions,
  type PaginateOptions,
  type Pagination,
  pagesWith,
  paginateWith,
} from "./paginate.js";
export { pages, paginate } from "./paginate-client.js";
export type {
  PageInit,
  PageItem,
  PageOf,
  PaginatedOperation,
  PaginatedOperations,
  PaginatedPath,
} from "./paginated-operations.js";
export { MAX_QUOTED_CHARS, quoteInput } from "./quote-input.js";
export { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
export { createRedactor, REDACTED, type Redactor } from "./redact.js";
export { REQUEST_ID_HEADERS } from "./request-id.js";
export type { RuntimeRequestOptions } from "./request-options.js";
export {
  isRetryableStatus,
  parseRetryAfter,
  type RequestRetryOption,
  type RetryOptions,
} from "./retry.js";
export { createRuntimeFetch, type FetchLike, type RuntimeFetchOptions } from "./runtime-fetch.js";
export { createRuntimeMiddleware, type RuntimeMiddlewareOptions } from "./runtime-middleware.js";
export { LiteRequest } from "./transport/lite-request.js";
export { type FetchResult, type ResultData, unwrap } from "./unwrap.js";

import { identifyCall, recordedRedactor } from "./call-info.js";
import { createApiError } from "./errors.js";
import { createRedactor } from "./redact.js";

/** What an openapi-fetch call resolves to. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The `data` of the success branch of a result union. */
export type ResultData<R> = R extends { data: infer D } ? D : never;

const noSecrets = createRedactor([]);

/**
 * Returns `data`, or throws the `ApiError` subclass for the status (`NotFoundError`, `RateLimitError`, ...)
 * with the vendor's body, method, path template, request id and attempts. Takes a result or a promise:
 * `const contact = await unwrap(client.GET("/contacts/{CONTACT_ID}", { params }))`.
 */
export function unwrap<R extends FetchResult>(result: Promise<R>): Promise<ResultData<R>>;
export function unwrap<R extends FetchResult>(result: R): ResultData<R>;
export function unwrap<R extends FetchResult>(
  result: R | Promise<R>,
): ResultData<R> | Promise<ResultData<R>> {
  return result instanceof Promise ? result.then(unwrapResult<R>) : unwrapResult(result);
}

function unwrapResult<R extends FetchResult>(result: R): ResultData<R> {
  const { response } = result;
  if (response.ok) return result.data as ResultData<R>;
  const redactor = recordedRedactor(response) ?? noSecrets;
  throw createApiError(response, result.error, { ...identifyCall(response), redactor });
}

/**
 * Response headers that may carry the vendor's request id, first match wins. Neither vendor documents
 * one; `x-amzn-requestid` is what AWS API Gateway (in front of Dixa) sends.
 */
export const REQUEST_ID_HEADERS: readonly string[] = [
  "x-request-id",
  "request-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "x-correlation-id",
];

/** The vendor's request id from the first of `names` present in `headers`. */
export function readRequestId(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** A request id made on our side, for errors and logs of calls the vendor gave none (`local-<uuid>`). */
export function generateRequestId(): string {
  return `local-${crypto.randomUUID()}`;
}

import { MissingCredentialError } from "./input-errors.js";

/**
 * Throws `MissingCredentialError` when a secret cannot be sent as a header value, without echoing it: the platform's own
 * message (`Headers.set: "<value>" is an invalid header value`) would print the secret.
 */
export function assertHeaderSafe(secret: string, label: string): void {
  if (!isHeaderValue(secret)) {
    throw new MissingCredentialError(`${label} has characters an HTTP header cannot carry`);
  }
}

/** Whether a value can be sent as an HTTP header value: Latin-1 without control characters. */
export function isHeaderValue(value: unknown): value is string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
  return typeof value === "string" && /^[^\u0000-\u001f\u007f\u0100-\uffff]*$/.test(value);
}

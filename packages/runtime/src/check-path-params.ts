import { describeValue } from "./check-options.js";
import { InvalidRequestError } from "./input-errors.js";

/**
 * Refuses, before anything is sent, a call whose path parameters would take it to another path than
 * its operation's: a missing value (openapi-fetch leaves `{name}` in the URL, sent as `%7Bname%7D`), or
 * `..`, `.` or an empty string (URL resolution turns `DELETE /items/{id}` with `..` into `DELETE /`).
 * Note: percent-encoding cannot help: URL parsers read `%2e%2e` as `..` as well.
 * @see https://url.spec.whatwg.org/#double-dot-path-segment
 */
export function checkPathParams(
  method: string,
  schemaPath: string,
  values: Record<string, unknown> | undefined,
): void {
  for (const [, name] of schemaPath.matchAll(/\{(.+?)\}/g)) {
    const value = values?.[name as string];
    if (value == null || /^\.{0,2}$/.test(String(value))) {
      const problem = value == null ? "missing" : `${describeValue(value)}, which would reach another path`;
      throw new InvalidRequestError(`${method} ${schemaPath}`, `path parameter \`${name}\` is ${problem}`);
    }
  }
}

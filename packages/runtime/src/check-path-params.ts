import { describeValue } from "./check-options.js";
import { InvalidRequestError } from "./input-errors.js";

/** Values that URL resolution turns into another path: `..` and `.` are dot segments, "" loses a segment. */
const MOVES_THE_PATH: ReadonlySet<string> = new Set(["", ".", ".."]);
const TEMPLATE_PARAM = /\{([^{}]+)\}/g;

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
  if (!schemaPath.includes("{")) return;
  for (const [, name = ""] of schemaPath.matchAll(TEMPLATE_PARAM)) {
    const value = values?.[name];
    let problem: string | undefined;
    if (value === undefined || value === null) problem = `path parameter \`${name}\` is missing`;
    else if (typeof value === "string" && MOVES_THE_PATH.has(value)) {
      problem = `path parameter \`${name}\` is ${describeValue(value)}, which would send the request to another path`;
    }
    if (problem !== undefined) throw new InvalidRequestError(`${method} ${schemaPath}`, problem);
  }
}

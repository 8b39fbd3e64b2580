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
  // Note: `matchAll` and a regex literal, not a hand-written scan and a shared constant: the scan saves
  // about 190 ns a call (0.3% of a loopback GET) and costs 31 bytes gzipped in every browser bundle,
  // the tighter budget.
  for (const [, name] of schemaPath.matchAll(/\{(.+?)\}/g)) {
    const value = values?.[name as string];
    if (value == null || /^\.{0,2}$/.test(String(value))) {
      const problem = value == null ? "missing" : `${describeValue(value)}, which would reach another path`;
      throw new InvalidRequestError(`${method} ${schemaPath}`, `path parameter \`${name}\` is ${problem}`);
    }
  }
}

/** A client's `request(method, path, init)`, and `GET(path, init)` and the other methods, as openapi-fetch makes them. */
type Init = { params?: { path?: Record<string, unknown> } } | undefined;
type Methods = Record<string, (path: string, init: Init) => Promise<unknown>> & {
  request(method: string, path: string, init: Init): Promise<unknown>;
};

/**
 * Makes `client` (an openapi-fetch client) run `checkPathParams` on every call before openapi-fetch
 * builds its request: a refused call rejects with `InvalidRequestError` and sends nothing. Returns
 * the same client. `createApiClient` does this; wire it yourself beside `createRuntime`.
 *
 * Note: each method (`GET`, ..., its upper-case keys) becomes `request(method, ...)` behind the check,
 * which costs a function call, where an `onRequest` middleware costs an awaited hook per call.
 */
export function checkPathValues<Client extends object>(client: Client): Client {
  const methods = client as Methods;
  const { request } = methods;
  const send = (method: string, path: string, init: Init) => {
    try {
      checkPathParams(method, path, init?.params?.path);
    } catch (error) {
      return Promise.reject(error);
    }
    return request(method, path, init);
  };
  for (const method in methods)
    if (/^[A-Z]+$/.test(method)) methods[method] = (path, init) => send(method, path, init);
  methods.request = (method, path, init) => send(method.toUpperCase(), path, init);
  return client;
}

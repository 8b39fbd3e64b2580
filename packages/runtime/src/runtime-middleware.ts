import type { Middleware } from "openapi-fetch";
import { failureOutcome } from "./attempt.js";
import { BufferedResponse } from "./buffered-response.js";
import { identifyCall, recordCall } from "./call-info.js";
import { ApiError, createApiError, InvalidResponseError, noResponseError, withPath } from "./errors.js";
import { hasNoBody } from "./has-no-body.js";
import { createRedactor } from "./redact.js";
import { requestOptions } from "./request-options.js";

/** Options of the runtime middleware, set once per client. */
export interface RuntimeMiddlewareOptions {
  /** throw `ApiError` subclasses for non-2xx responses instead of returning `{ error }` (default false) */
  throwOnError?: boolean | undefined;
  /** values never to show in errors, e.g. the token (default none) */
  secrets?: readonly string[] | undefined;
  /** response headers read for the vendor's request id (default `REQUEST_ID_HEADERS`) */
  requestIdHeaders?: readonly string[] | undefined;
}

/** How much of an unusable body an `InvalidResponseError` keeps. */
const MAX_BODY_CHARS = 2000;

/**
 * The part of the runtime that needs the operation: typed errors with the path template,
 * `throwOnError`, and JSON bodies checked before openapi-fetch parses them (it would throw a bare
 * `SyntaxError`). Register it first, so its `onResponse` and `onError` run last and see the final
 * response or error. (Path values are checked before openapi-fetch builds the request, by
 * `checkPathValues`, so this middleware has no `onRequest`: openapi-fetch awaits every hook.)
 */
export function createRuntimeMiddleware(options: RuntimeMiddlewareOptions = {}): Middleware {
  const throwByDefault = options.throwOnError ?? false;
  const redactor = createRedactor(options.secrets ?? []);
  const { requestIdHeaders } = options;

  /** How an error names the call, worked out only when one is built. */
  const identify = (request: Request, response: Response, path: string) =>
    identifyCall(response, { method: request.method, path, requestIdHeaders });

  /** The body of a response; losing it on the way ends the call in an error without a response. */
  const read = (request: Request, response: Response, path: string) =>
    response.text().catch((error: unknown) => {
      // Note: without an origin, any outcome but "aborted" is a lost connection.
      throw noResponseError(
        { outcome: failureOutcome(request, error), error },
        { ...identify(request, response, path), redactor, response },
      );
    });

  /**
   * Parses a 2xx JSON body once; a malformed or empty one becomes `InvalidResponseError`. openapi-fetch
   * then gets the parsed body from the `BufferedResponse` without a second parse; a response the
   * runtime's `fetch` did not read (one a middleware put in its place) is replaced by one.
   */
  const checkJson = (request: Request, response: Response, path: string, buffered: BufferedResponse) => {
    try {
      buffered.readJson();
      return buffered === response ? undefined : buffered;
    } catch {
      // Note: the SyntaxError is not kept: its message quotes the body, and could cut a secret in half.
      const raw = buffered.bodyText;
      const problem = raw.trim() === "" ? "an empty body where JSON was expected" : "malformed JSON";
      throw new InvalidResponseError({
        ...identify(request, response, path),
        status: response.status,
        body: redactor.string(raw).slice(0, MAX_BODY_CHARS),
        summary: `returned ${response.status} with ${problem}`,
        response,
      });
    }
  };

  /** A non-2xx answer: thrown as an `ApiError`, or returned with its body redacted. */
  const refused = async (request: Request, response: Response, path: string) => {
    const body = parseBody(await read(request, response, path));
    const call = identify(request, response, path);
    if (requestOptions(request).throwOnError ?? throwByDefault) {
      throw createApiError(response, body, { ...call, redactor });
    }
    // Note: openapi-fetch reads the error body from the response returned here: the redacted one,
    // so a vendor that echoes the token does not put it into the returned `{ error }` either.
    const redacted = redactor.value(body);
    const text =
      redacted === undefined ? "" : typeof redacted === "string" ? redacted : JSON.stringify(redacted);
    const returned = new BufferedResponse(response, text);
    recordCall(returned, { ...call, redactor });
    return returned;
  };

  return {
    // Note: not `async`: a 2xx whose body the runtime's `fetch` read already is checked without a promise.
    onResponse({ request, response, schemaPath, options: { parseAs } }) {
      if (!response.ok) return refused(request, response, schemaPath);
      if (parseAs !== "json" || hasNoBody(request.method, response.status)) return undefined;
      if (response instanceof BufferedResponse) return checkJson(request, response, schemaPath, response);
      return read(request, response, schemaPath).then((text) =>
        checkJson(request, response, schemaPath, new BufferedResponse(response, text)),
      );
    },

    // Note: the runtime's `fetch` throws only `ApiError`s (anything else is passed on as it is).
    onError({ error, schemaPath }) {
      return error instanceof ApiError ? withPath(error, schemaPath) : undefined;
    },
  };
}

/** A non-2xx body: parsed JSON, else the text, else undefined when empty. */
function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

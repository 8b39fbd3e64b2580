import type { Middleware } from "openapi-fetch";
import { failureOutcome } from "./attempt.js";
import { BufferedResponse } from "./buffered-response.js";
import { type CallIdentity, identifyCall, recordCall } from "./call-info.js";
import { checkPathParams } from "./check-path-params.js";
import { ApiError, createApiError, InvalidResponseError, noResponseError, withPath } from "./errors.js";
import { hasNoBody } from "./has-no-body.js";
import { createRedactor, type Redactor } from "./redact.js";
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
 * The part of the runtime that needs the operation: path values that would reach another path refused,
 * typed errors with the path template, `throwOnError`, and JSON bodies checked before openapi-fetch
 * parses them (it would throw a bare `SyntaxError`).
 * Register it first, so its `onResponse` and `onError` run last and see the final response or error.
 */
export function createRuntimeMiddleware(options: RuntimeMiddlewareOptions = {}): Middleware {
  const throwByDefault = options.throwOnError ?? false;
  const redactor = createRedactor(options.secrets ?? []);
  const { requestIdHeaders } = options;

  return {
    // Note: before openapi-fetch sends the request, so a refused call sends nothing.
    onRequest({ request, schemaPath, params }) {
      checkPathParams(request.method, schemaPath, params.path);
      return undefined;
    },

    async onResponse({ request, response, schemaPath, options: { parseAs } }) {
      // Note: worked out only when an error needs it, so a successful call does not pay for it.
      const identify = () =>
        identifyCall(response, {
          method: request.method,
          path: schemaPath,
          requestIdHeaders,
        });
      const read = () => readText(request, response, identify, redactor);
      if (response.ok) {
        if (parseAs !== "json" || hasNoBody(request.method, response.status)) return undefined;
        return checkJson(response, await bufferOf(response, read), identify, redactor);
      }
      const body = parseBody(await read());
      const call = identify();
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
    },

    // Note: the runtime's `fetch` throws only `ApiError`s (anything else is passed on as it is).
    onError({ error, schemaPath }) {
      return error instanceof ApiError ? withPath(error, schemaPath) : undefined;
    },
  };
}

/** The response as a `BufferedResponse`: the runtime's `fetch` read it already, else it is read now. */
async function bufferOf(response: Response, read: () => Promise<string>): Promise<BufferedResponse> {
  return response instanceof BufferedResponse ? response : new BufferedResponse(response, await read());
}

/**
 * Parses a 2xx JSON body once; a malformed or empty one becomes `InvalidResponseError`. openapi-fetch
 * then gets the parsed body from the `BufferedResponse` without a second parse; a response the runtime's
 * `fetch` did not read (one a middleware put in its place) is replaced by one.
 */
function checkJson(
  response: Response,
  buffered: BufferedResponse,
  identify: () => CallIdentity,
  redactor: Redactor,
): Response | undefined {
  const raw = buffered.bodyText;
  let problem: string | undefined;
  if (raw.trim() === "") problem = "an empty body where JSON was expected";
  else {
    try {
      buffered.readJson();
    } catch {
      // The SyntaxError is not kept: its message quotes the body, and could cut a secret in half.
      problem = "malformed JSON";
    }
  }
  if (problem !== undefined) {
    throw new InvalidResponseError({
      ...identify(),
      status: response.status,
      body: redactor.string(raw).slice(0, MAX_BODY_CHARS),
      summary: `returned ${response.status} with ${problem}`,
      response,
    });
  }
  return buffered === response ? undefined : buffered;
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

/** The body of a response; losing it on the way ends the call in an error without a response. */
async function readText(
  request: Request,
  response: Response,
  identify: () => CallIdentity,
  redactor: Redactor,
): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    // Note: without an origin, any outcome but "aborted" is a lost connection.
    throw noResponseError(
      { outcome: failureOutcome(request, error), error },
      { ...identify(), redactor, response },
    );
  }
}

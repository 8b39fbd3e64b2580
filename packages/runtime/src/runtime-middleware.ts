import type { Middleware } from "openapi-fetch";
import { BufferedResponse } from "./buffered-response.js";
import { readCall, recordCall } from "./call-info.js";
import {
  AbortError,
  ApiError,
  ConnectionError,
  createApiError,
  InvalidResponseError,
  withPath,
} from "./errors.js";
import { createRedactor, type Redactor } from "./redact.js";
import { generateRequestId, REQUEST_ID_HEADERS, readRequestId } from "./request-id.js";
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

/** Per-client state the helpers below share. */
interface Shared {
  redactor: Redactor;
  requestIdHeaders: readonly string[];
}

/** One call as the middleware sees it. */
interface Call {
  request: Request;
  response: Response;
  path: string;
}

/**
 * The part of the runtime that needs the operation: typed errors with the path template, `throwOnError`,
 * and JSON bodies checked before openapi-fetch parses them (it would throw a bare `SyntaxError`).
 * Register it first, so its `onResponse` and `onError` run last and see the final response or error.
 */
export function createRuntimeMiddleware(options: RuntimeMiddlewareOptions = {}): Middleware {
  const throwByDefault = options.throwOnError ?? false;
  const shared: Shared = {
    redactor: createRedactor(options.secrets ?? []),
    requestIdHeaders: options.requestIdHeaders ?? REQUEST_ID_HEADERS,
  };

  return {
    async onResponse({ request, response, schemaPath, options: { parseAs } }) {
      const call: Call = { request, response, path: schemaPath };
      if (response.ok) {
        const noContent = response.status === 204 || response.status === 205 || request.method === "HEAD";
        return parseAs === "json" && !noContent ? checkJson(call, shared) : undefined;
      }
      const { requestId, attempts } = identify(call, shared);
      recordCall(response, {
        method: request.method,
        path: schemaPath,
        redactor: shared.redactor,
        requestId,
      });
      const body = await readBody(call, shared);
      if (requestOptions(request).throwOnError ?? throwByDefault) {
        const context = { method: request.method, path: schemaPath, requestId, attempts };
        throw createApiError(response, body, { ...context, redactor: shared.redactor });
      }
      // Note: openapi-fetch reads the error body after this middleware; hand it the redacted one, so
      // a vendor that echoes the token does not put it into the returned `{ error }` either.
      const redacted = shared.redactor.value(body);
      const text =
        redacted === undefined ? "" : typeof redacted === "string" ? redacted : JSON.stringify(redacted);
      Object.defineProperties(response, {
        json: { value: () => Promise.resolve(redacted) },
        text: { value: () => Promise.resolve(text) },
      });
      return undefined;
    },

    // Note: the runtime's `fetch` throws only `ApiError`s (anything else is passed on as it is).
    onError({ error, schemaPath }) {
      return error instanceof ApiError ? withPath(error, schemaPath) : undefined;
    },
  };
}

/**
 * Parses a 2xx JSON body once; a malformed or empty one becomes `InvalidResponseError`. The runtime's
 * `fetch` hands over a `BufferedResponse`, read within the attempt, whose `json()` openapi-fetch then
 * gets without a second parse; any other response (one a middleware put in its place) is read here
 * and replaced by one.
 */
async function checkJson(call: Call, shared: Shared): Promise<Response | undefined> {
  const { request, response, path } = call;
  const buffered =
    response instanceof BufferedResponse
      ? response
      : new BufferedResponse(response, await readText(call, shared));
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
      status: response.status,
      body: shared.redactor.string(raw).slice(0, MAX_BODY_CHARS),
      method: request.method,
      path,
      ...identify(call, shared),
      summary: `returned ${response.status} with ${problem}`,
      response,
    });
  }
  return buffered === response ? undefined : buffered;
}

/** A non-2xx body: parsed JSON, else the text, else undefined when empty. */
async function readBody(call: Call, shared: Shared): Promise<unknown> {
  const text = await readText(call, shared);
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The body of a response the runtime's `fetch` did not read (one a middleware put in its place). */
async function readText(call: Call, shared: Shared): Promise<string> {
  const { request, response, path } = call;
  try {
    return await response.text();
  } catch (error) {
    const aborted = request.signal.aborted;
    throw new (aborted ? AbortError : ConnectionError)({
      method: request.method,
      path,
      ...identify(call, shared),
      response,
      cause: shared.redactor.error(error),
      summary: aborted ? "was aborted by the caller" : "lost the connection while reading the body",
    });
  }
}

/** The request id (the vendor's, else the call's, else a new one) and the attempts behind a response. */
function identify(call: Call, shared: Shared): { requestId: string; attempts: number } {
  const known = readCall(call.response);
  const requestId =
    readRequestId(call.response.headers, shared.requestIdHeaders) ?? known.requestId ?? generateRequestId();
  return { requestId, attempts: known.attempts ?? 1 };
}

import type { Middleware } from "openapi-fetch";
import { readCall, recordCall } from "./call-info.js";
import {
  AbortError,
  ApiError,
  type ApiErrorDetails,
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
  throwOnError?: boolean;
  /** values never to show in errors, e.g. the token (default none) */
  secrets?: readonly string[];
  /** response headers read for the vendor's request id (default `REQUEST_ID_HEADERS`) */
  requestIdHeaders?: readonly string[];
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
        if (parseAs === "json" && !noContent) await checkJson(call, shared);
        return undefined;
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

    onError({ error, request, schemaPath }) {
      if (error instanceof ApiError) return withPath(error, schemaPath);
      const details: ApiErrorDetails<never> = {
        method: request.method,
        path: schemaPath,
        requestId: generateRequestId(),
        attempts: 1,
        cause: shared.redactor.error(error),
      };
      if (request.signal.aborted) return new AbortError({ ...details, summary: "was aborted by the caller" });
      return new ConnectionError({ ...details, summary: "got no response" });
    },
  };
}

/**
 * Parses a 2xx JSON body once; a malformed or empty one becomes `InvalidResponseError`.
 * Note: the parsed value is then handed to openapi-fetch through the response's own `json()`/`text()`,
 * so the body is read once and parsed once.
 */
async function checkJson(call: Call, shared: Shared): Promise<void> {
  const { request, response, path } = call;
  const raw = await readText(call, shared);
  let parsed: unknown;
  let problem: string | undefined;
  if (raw.trim() === "") problem = "an empty body where JSON was expected";
  else {
    try {
      parsed = JSON.parse(raw);
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
  Object.defineProperties(response, {
    json: { value: () => Promise.resolve(parsed) },
    text: { value: () => Promise.resolve(raw) },
  });
  // Note: openapi-fetch parses a body without Content-Length (chunked) a second time, from `text()`;
  // with the length of the body read it takes `json()`, the value parsed above.
  if (!response.headers.has("content-length")) {
    const headers = new Headers(response.headers);
    headers.set("content-length", String(new TextEncoder().encode(raw).byteLength));
    Object.defineProperty(response, "headers", { value: headers });
  }
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

async function readText(call: Call, shared: Shared): Promise<string> {
  const { request, response, path } = call;
  try {
    return await response.text();
  } catch (error) {
    const details = { method: request.method, path, ...identify(call, shared), response };
    const cause = shared.redactor.error(error);
    if (request.signal.aborted) {
      throw new AbortError({ ...details, cause, summary: "was aborted by the caller" });
    }
    throw new ConnectionError({ ...details, cause, summary: "lost the connection while reading the body" });
  }
}

/** The request id (the vendor's, else the call's, else a new one) and the attempts behind a response. */
function identify(call: Call, shared: Shared): { requestId: string; attempts: number } {
  const known = readCall(call.response);
  const requestId =
    readRequestId(call.response.headers, shared.requestIdHeaders) ?? known.requestId ?? generateRequestId();
  return { requestId, attempts: known.attempts ?? 1 };
}

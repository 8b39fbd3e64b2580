import type { Redactor } from "./redact.js";
import { generateRequestId, REQUEST_ID_HEADERS, readRequestId } from "./request-id.js";

/** What the runtime knows about the call behind a response. */
interface CallInfo {
  /** attempts made (absent means 1); recorded by the runtime's `fetch` */
  attempts?: number | undefined;
  /** the id the runtime's `fetch` generated for this call's logs, before any error */
  callId?: string | undefined;
  /** recorded by the runtime middleware for error responses: */
  method?: string | undefined;
  /** the operation's path template */
  path?: string | undefined;
  /** the request id the error of this response carries */
  requestId?: string | undefined;
  /** the client's redactor, so an error built later hides the same secrets */
  redactor?: Redactor | undefined;
}

// Note: a side table keyed by the `Response`, on purpose: openapi-fetch hands its middleware and the
// caller (`unwrap`, `paginate`) only the `Response`, so what the runtime's `fetch` learnt beneath the
// middleware chain (attempts) and what the middleware knows (the path template) have no other way to
// reach an error built later. Only error responses, retried calls and logged calls get an entry, so a
// plain successful call costs nothing here; this module alone reads and writes it.
const calls = new WeakMap<Response, CallInfo>();

/** Adds to what is known about the call behind `response`. */
export function recordCall(response: Response, info: CallInfo): void {
  const known = calls.get(response);
  if (known) Object.assign(known, info);
  else calls.set(response, info);
}

/** How an error or a log line names a call. */
export interface CallIdentity {
  method: string;
  path: string;
  requestId: string;
  attempts: number;
}

/** What the caller knows about a call; what the runtime recorded wins for method, path and attempts. */
export interface CallHints {
  method?: string;
  path?: string;
  attempts?: number;
  /** the id generated for this call, when one was */
  requestId?: string | undefined;
  /** response headers read for the vendor's request id (default `REQUEST_ID_HEADERS`) */
  requestIdHeaders?: readonly string[] | undefined;
}

/**
 * The one place a call's method, path and request id are worked out. The request id is the one an
 * earlier error named, else the vendor's (from the response headers), else the one generated for the
 * call, else a new one; the path is the template, else the URL's path.
 */
export function identifyCall(response: Response | undefined, hints: CallHints = {}): CallIdentity {
  const known = (response && calls.get(response)) ?? {};
  return {
    method: known.method ?? hints.method ?? "HTTP",
    path: known.path ?? hints.path ?? (response?.url ? new URL(response.url).pathname : "(unknown path)"),
    requestId:
      known.requestId ??
      (response && readRequestId(response.headers, hints.requestIdHeaders ?? REQUEST_ID_HEADERS)) ??
      known.callId ??
      hints.requestId ??
      generateRequestId(),
    attempts: known.attempts ?? hints.attempts ?? 1,
  };
}

/** The redactor of the client that made the call behind `response`, when its middleware saw it. */
export function recordedRedactor(response: Response): Redactor | undefined {
  return calls.get(response)?.redactor;
}

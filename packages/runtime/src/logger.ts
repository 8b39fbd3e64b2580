import type { Redactor } from "./redact.js";

/** How an attempt ended. */
export type AttemptOutcome = "response" | "timeout" | "connection-error" | "aborted";

/** One line per attempt. Secrets are already redacted; sensitive headers are always hidden. */
export interface AttemptLog {
  /** HTTP method */
  method: string;
  /** the URL's path, without the query string (which may carry personal data) */
  path: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  outcome: AttemptOutcome;
  /** HTTP status, when a response arrived */
  status: number | undefined;
  /** from the start of the attempt (after any rate-limit wait) to the response headers or the failure */
  durationMs: number;
  /** the vendor's request id, else the one generated for this call */
  requestId: string;
  /** set when another attempt follows, after this many ms */
  retryInMs: number | undefined;
  /** what went wrong, when no response arrived */
  error: string | undefined;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string> | undefined;
}

/** Receives every attempt of every call (default none). Errors it throws are ignored. */
export type Logger = (entry: AttemptLog) => void;

/** What the attempt loop knows about one attempt; the request, response and error are added redacted. */
export type AttemptRecord = Pick<
  AttemptLog,
  "attempt" | "outcome" | "durationMs" | "requestId" | "retryInMs"
>;

/** Redacts and hands one attempt to the logger. */
export function emitAttemptLog(
  logger: Logger,
  redactor: Redactor,
  request: Request,
  response: Response | undefined,
  error: string | undefined,
  record: AttemptRecord,
): void {
  const entry: AttemptLog = {
    method: request.method,
    path: redactor.string(new URL(request.url).pathname),
    ...record,
    status: response?.status,
    error: error && redactor.string(error),
    requestHeaders: redactor.headers(request.headers),
    responseHeaders: response && redactor.headers(response.headers),
  };
  try {
    logger(entry);
  } catch {
    // A broken logger must not break the call it describes.
  }
}

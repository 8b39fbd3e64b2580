import type { AttemptOutcome } from "./logger.js";

/** A `fetch` as the runtime calls it: like the global one, `fetch(request, init)`. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** One attempt as the attempt loop hands it to the transport. */
export interface Attempt {
  /** openapi-fetch's `requestInitExt` (e.g. a `dispatcher`), usually undefined */
  init: RequestInit | undefined;
  /** the buffered body, when a one-shot body may be sent more than once */
  body: ArrayBuffer | undefined;
  /** aborts at the attempt's deadline or the caller's abort */
  signal: AbortSignal | undefined;
  /** a timeout the transport enforces itself (see `delegatedTimeout`) */
  timeout: number | undefined;
}

/** An attempt that got no (complete) response: how it ended and what it threw. */
export interface AttemptFailure {
  outcome: Exclude<AttemptOutcome, "response">;
  error: unknown;
  /** the response's headers had arrived, and its body was being read */
  duringBody?: boolean;
}

/**
 * How an attempt that threw ended: the caller's abort, a timeout (the deadline's, or a transport's
 * own: both end the attempt with a `DOMException` named `TimeoutError`), or the connection.
 */
export function failureOutcome(request: Request, error: unknown): AttemptFailure["outcome"] {
  if (request.signal.aborted) return "aborted";
  return error instanceof DOMException && error.name === "TimeoutError" ? "timeout" : "connection-error";
}

/** The most telling part of a fetch failure: a socket code such as ECONNRESET, else the message. */
export function describeFailure(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (current.cause === undefined) return current.message;
    current = current.cause;
  }
  return String(current);
}

/** `init` with the attempt's signal and buffered body, for a `fetch(request, init)`. */
export function attemptInit(
  init: RequestInit | undefined,
  signal: AbortSignal | undefined,
  body: ArrayBuffer | undefined,
): RequestInit | undefined {
  if (signal === undefined && body === undefined) return init;
  const result: RequestInit = { ...init };
  if (signal !== undefined) result.signal = signal;
  if (body !== undefined) result.body = body;
  return result;
}

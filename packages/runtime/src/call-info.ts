import type { Redactor } from "./redact.js";

/** What the runtime knows about the call behind a response, for errors built after the fact (`unwrap`). */
export interface CallInfo {
  /** attempts made (absent means 1) */
  attempts?: number | undefined;
  /** the id the runtime generated for this call, when it needed one before an error (e.g. for logs) */
  requestId?: string | undefined;
  /** HTTP method */
  method?: string | undefined;
  /** the operation's path template */
  path?: string | undefined;
  /** the client's redactor, so an error built later hides the same secrets */
  redactor?: Redactor | undefined;
}

// Note: only error responses, retried calls and logged calls get an entry, so a plain successful call
// costs nothing here.
const calls = new WeakMap<Response, CallInfo>();

/** Adds to what is known about the call behind `response`. */
export function recordCall(response: Response, info: CallInfo): void {
  const known = calls.get(response);
  if (known) Object.assign(known, info);
  else calls.set(response, info);
}

/** What is known about the call behind `response` (an empty object when nothing was recorded). */
export function readCall(response: Response): CallInfo {
  return calls.get(response) ?? {};
}

// What a browser bundle gets in place of send-attempt.ts (package.json `browser` field): no request
// there is a `LiteRequest` (see transport/lite-request.browser.ts) and no transport enforces a timeout
// itself, so every attempt goes out as `fetch(request, init)`.
import { attemptInit, type FetchLike } from "./attempt.js";
import type { AttemptSender } from "./send-attempt.js";

export type { AttemptSender } from "./send-attempt.js";

export function createAttemptSender(custom: FetchLike | undefined): AttemptSender {
  const send: FetchLike = custom ?? globalThis.fetch;
  return {
    delegatedTimeout: () => undefined,
    send: (request, attempt) => send(request, attemptInit(attempt.init, attempt.signal, attempt.body)),
  };
}

/** Whether a request's body must be read once up front to be sent more than once. */
export function mustBuffer(request: Request): boolean {
  return request.body !== null;
}

import { type Attempt, attemptInit, type FetchLike } from "./attempt.js";
import { LiteRequest } from "./transport/lite-request.js";
import { createLiteSender } from "./transport/lite-send.js";

/** Sends one attempt over a transport. */
export interface AttemptSender {
  /** the timeout the transport enforces itself for `request` (see `LiteSender`), else undefined */
  delegatedTimeout(request: Request, timeout: number | false): number | undefined;
  /** sends one attempt: the response, its body unread, or a rejection when none arrives */
  send(request: Request, attempt: Attempt): Promise<Response>;
}

/**
 * How an attempt leaves the runtime: a `LiteRequest` as `transport/lite-send.ts` sends it, any other
 * request as `fetch(request, init)` to the `fetch` given (default the global one). (A browser bundle
 * gets send-attempt.browser.ts instead: no `LiteRequest` and no transport protocol there.)
 */
export function createAttemptSender(custom: FetchLike | undefined): AttemptSender {
  const send: FetchLike = custom ?? globalThis.fetch;
  const lite = createLiteSender(custom);

  return {
    delegatedTimeout: (request, timeout) => lite.delegatedTimeout(request, timeout),
    send: (request, attempt) =>
      lite.send(request, attempt) ?? send(request, attemptInit(attempt.init, attempt.signal, attempt.body)),
  };
}

/** Whether a request's body must be read once up front to be sent more than once. */
export function mustBuffer(request: Request): boolean {
  return LiteRequest.is(request) ? !request.replayable : request.body !== null;
}

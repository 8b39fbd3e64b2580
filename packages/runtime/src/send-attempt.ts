import { type Attempt, type AttemptFailure, attemptInit, type FetchLike, failureOutcome } from "./attempt.js";
import { BufferedResponse } from "./buffered-response.js";
import { hasNoBody } from "./has-no-body.js";
import { LiteRequest } from "./transport/lite-request.js";
import { createLiteSender } from "./transport/lite-send.js";

/** Sends one attempt over a transport and says how it ended. */
export interface AttemptSender {
  /** the timeout the transport enforces itself for `request` (see `LiteSender`), else undefined */
  delegatedTimeout(request: Request, timeout: number | false): number | undefined;
  /** sends one attempt; the response comes back with its body unread, or the failure */
  send(request: Request, attempt: Attempt): Promise<Response | AttemptFailure>;
  /** reads the body of the response the call returns, still under the attempt's deadline */
  read(request: Request, response: Response): Promise<Response | AttemptFailure>;
}

/** Response bodies the runtime reads within the attempt: JSON, text (not event streams), XML. */
const READ_TYPES = /json|^text\/(?!event-stream)|xml/i;

/**
 * How an attempt leaves the runtime: a `LiteRequest` as `transport/lite-send.ts` sends it, any other
 * request as `fetch(request, init)` to the `fetch` given (default the global one).
 */
export function createAttemptSender(custom: FetchLike | undefined): AttemptSender {
  const send: FetchLike = custom ?? globalThis.fetch;
  const lite = createLiteSender(custom);

  return {
    delegatedTimeout: (request, timeout) => lite?.delegatedTimeout(request, timeout),
    async send(request, attempt) {
      try {
        return await (lite?.send(request, attempt) ??
          send(request, attemptInit(attempt.init, attempt.signal, attempt.body)));
      } catch (error) {
        return { outcome: failureOutcome(request, error), error };
      }
    },
    async read(request, response) {
      if (hasNoBody(request.method, response.status)) return response;
      const type = response.headers.get("content-type");
      if (type !== null && !READ_TYPES.test(type)) return response;
      try {
        return new BufferedResponse(response, await response.text());
      } catch (error) {
        return { outcome: failureOutcome(request, error), error, duringBody: true };
      }
    },
  };
}

/** Whether a request's body must be read once up front to be sent more than once. */
export function mustBuffer(request: Request): boolean {
  return LiteRequest.is(request) ? !request.replayable : request.body !== null;
}

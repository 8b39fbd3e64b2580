import { readRequestBody } from "./read-body.js";
import {
  checkReceiver,
  type ReceiverOptions,
  receiveDelivery,
  type WebhookHandler,
} from "./receive-delivery.js";

/**
 * A Fetch-standard request handler for webhook deliveries (Hono, Next.js route handlers, Bun, Deno,
 * workers): reads the raw body (at most `maxBodyBytes`), passes it to `handler`, and answers what a
 * webhook sender acts on: 200 handled or duplicate, 401 a failed signature, 400 a malformed body,
 * 413 a body past the limit, 503 with `Retry-After` when a vendor call failed in a way worth
 * retrying, 405 anything but POST, 500 a misconfigured receiver.
 */
export function toWebHandler(
  handler: WebhookHandler,
  options?: ReceiverOptions,
): (request: Request) => Promise<Response> {
  const receiver = checkReceiver("toWebHandler", handler, options);
  return async (request) => {
    const answer = await receiveDelivery(receiver, request.method, request.headers, () =>
      readRequestBody(request, receiver.maxBodyBytes),
    );
    const headers = { "content-type": "application/json", ...answer.headers };
    return new Response(answer.body, { status: answer.log.status, headers });
  };
}

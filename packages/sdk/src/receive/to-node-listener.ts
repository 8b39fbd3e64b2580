import type { IncomingMessage, ServerResponse } from "node:http";
import { readIncomingBody } from "./read-body.js";
import {
  checkReceiver,
  type ReceiverOptions,
  receiveDelivery,
  type WebhookHandler,
} from "./receive-delivery.js";

/**
 * A `node:http` request listener for webhook deliveries (also an Express handler: mount it before
 * any body parser, or after `express.raw()`), answering as `toWebHandler` does. A body past the
 * limit is answered 413, read no further, and its connection closed.
 */
export function toNodeListener(
  handler: WebhookHandler,
  options?: ReceiverOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const receiver = checkReceiver("toNodeListener", handler, options);
  return async (request, response) => {
    // Note: a framework that read the body already (express.raw) leaves it on `request.body`.
    const parsed = (request as { body?: unknown }).body;
    const read = () =>
      parsed instanceof Uint8Array
        ? Promise.resolve(parsed.byteLength > receiver.maxBodyBytes ? ("too-large" as const) : parsed)
        : readIncomingBody(request, receiver.maxBodyBytes);
    const answer = await receiveDelivery(receiver, request.method ?? "", toHeaders(request), read);
    response.writeHead(answer.log.status, { "content-type": "application/json", ...answer.headers });
    response.end(answer.body, () => {
      if (answer.log.status === 413) request.destroy();
    });
  };
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

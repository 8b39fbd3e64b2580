// `@cxkit/sdk/receive`: webhook receivers over any handler, e.g. `toWebHandler(cx.handleDixaWebhook)`.
export {
  DEFAULT_RETRY_AFTER_SECONDS,
  type DeliveryLog,
} from "./delivery-outcome.js";
export { DEFAULT_MAX_BODY_BYTES } from "./read-body.js";
export type { ReceiverOptions, WebhookHandler } from "./receive-delivery.js";
export { toNodeListener } from "./to-node-listener.js";
export { toWebHandler } from "./to-web-handler.js";

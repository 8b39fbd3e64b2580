import { refuser } from "../check-input.js";
import { answerError, answerResult, type DeliveryAnswer, type DeliveryLog } from "./delivery-outcome.js";
import { type BodyRead, DEFAULT_MAX_BODY_BYTES } from "./read-body.js";

/** Handles one delivery: its raw body and the request's headers. `cx.handleDixaWebhook` is one. */
export type WebhookHandler = (body: Uint8Array, headers: Headers) => Promise<unknown>;

export interface ReceiverOptions {
  /** largest body read, in bytes, a whole number >= 1; past it the delivery is answered 413 and read no further (default 1048576: 1 MiB) */
  maxBodyBytes?: number;
  /** called once per delivery with what was done (status, outcome, ids, duration); never a body or a secret (default none) */
  onDelivery?: (log: DeliveryLog & { durationMs: number }) => void;
}

/** A receiver's checked settings. */
export interface Receiver {
  handler: WebhookHandler;
  maxBodyBytes: number;
  onDelivery: ReceiverOptions["onDelivery"];
}

/** Checks a receiver's handler and options where they are given (`CxOptionsError`). */
export function checkReceiver(where: string, handler: unknown, options: ReceiverOptions = {}): Receiver {
  const refuse = refuser(where);
  if (typeof handler !== "function") refuse("handler", "a function (body, headers) => Promise", handler);
  if (typeof options !== "object" || options === null) refuse("options", "an object", options);
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, onDelivery } = options;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    refuse("maxBodyBytes", "a whole number of bytes >= 1", maxBodyBytes);
  }
  if (onDelivery !== undefined && typeof onDelivery !== "function")
    refuse("onDelivery", "a function", onDelivery);
  return { handler: handler as WebhookHandler, maxBodyBytes, onDelivery };
}

/**
 * Answers one request: 405 for a method other than POST, 413 for a body past the limit, else what
 * the handler's result or error means to a webhook sender (see `answerResult`, `answerError`).
 */
export async function receiveDelivery(
  receiver: Receiver,
  method: string,
  headers: Headers,
  read: () => Promise<BodyRead>,
): Promise<DeliveryAnswer> {
  const started = performance.now();
  let answer: DeliveryAnswer;
  if (method !== "POST") {
    answer = refusal(405, "method-not-allowed", { allow: "POST" });
  } else {
    const body = await read();
    if (body === "too-large") {
      answer = refusal(413, "too-large", { connection: "close" });
    } else {
      try {
        answer = answerResult(await receiver.handler(body, headers));
      } catch (error) {
        answer = answerError(error);
      }
    }
  }
  receiver.onDelivery?.({ ...answer.log, durationMs: Math.round((performance.now() - started) * 10) / 10 });
  return answer;
}

function refusal(status: number, outcome: string, headers: Record<string, string>): DeliveryAnswer {
  return { log: { status, outcome }, headers, body: JSON.stringify({ status: outcome }) };
}

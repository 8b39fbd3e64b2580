import { WebhookSignatureError } from "@cxkit/dixa/webhooks";
import { isMisconfiguration, WebhookPayloadError } from "../errors.js";
import { failureOf, isRetryable } from "../failure.js";

/** One line's worth of what a receiver did with a delivery: no body, no secret, no personal data. */
export interface DeliveryLog {
  /** the HTTP status answered */
  status: number;
  /** `handled` statuses (`applied`, `planned`, `skipped`), `duplicate`, `failed`, or why it was refused */
  outcome: string;
  eventId?: string;
  eventFqn?: string;
  conversationId?: number;
  interactionId?: string;
  /** the error: its class name; a signature's or payload's reason; a failed sync's stage and vendor status; a misconfiguration's message */
  error?: { name: string; reason?: string; stage?: string; status?: number; message?: string };
  /** seconds the answer asked the sender to wait (503) */
  retryAfter?: number;
}

/** What to answer: the log of the delivery, and the response's JSON body and headers. */
export interface DeliveryAnswer {
  log: DeliveryLog;
  headers: Record<string, string>;
  body: string;
}

/** The seconds a 503 asks a sender to wait when the vendor named none. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/** A result of a handler: a report, or a webhook result with a report in it. */
interface Outcome {
  status?: unknown;
  eventId?: unknown;
  eventFqn?: unknown;
  conversationId?: unknown;
  interactionId?: unknown;
}

/**
 * The answer to a handled delivery: 503 with `Retry-After` when its sync failed in a way worth
 * retrying (so the sender delivers it again), else 200: handled, duplicate, skipped, or failed in a
 * way retrying cannot fix (the log says so).
 */
export function answerResult(result: unknown): DeliveryAnswer {
  const outcome = (typeof result === "object" && result !== null ? result : {}) as Outcome;
  const failure = failureOf(result);
  const ids = {
    ...(typeof outcome.eventId === "string" && { eventId: outcome.eventId }),
    ...(typeof outcome.eventFqn === "string" && { eventFqn: outcome.eventFqn }),
    ...(typeof outcome.conversationId === "number" && { conversationId: outcome.conversationId }),
    ...(typeof outcome.interactionId === "string" && { interactionId: outcome.interactionId }),
  };
  const error = failure && {
    name: failure.name,
    stage: failure.stage,
    ...(failure.status !== undefined && { status: failure.status }),
  };
  const retry = failure && isRetryable(failure);
  const retryAfter = retry ? Math.max(failure.retryAfter ?? 0, DEFAULT_RETRY_AFTER_SECONDS) : undefined;
  const log: DeliveryLog = {
    status: retry ? 503 : 200,
    outcome: typeof outcome.status === "string" ? outcome.status : "handled",
    ...ids,
    ...(error && { error }),
    ...(retryAfter !== undefined && { retryAfter }),
  };
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
  return { log, headers, body: JSON.stringify({ status: log.outcome, ...ids }) };
}

/**
 * The answer to a delivery its handler refused: 401 for a failed signature, 400 for a malformed body
 * (or a payload that is not the event), 500 for a misconfigured receiver or anything unexpected.
 */
export function answerError(error: unknown): DeliveryAnswer {
  let status = 500;
  let outcome = "error";
  let reason: string | undefined;
  if (error instanceof WebhookSignatureError) {
    reason = error.reason;
    [status, outcome] = reason === "malformed-body" ? [400, "malformed"] : [401, "unauthorized"];
  } else if (error instanceof WebhookPayloadError) {
    reason = error.problem;
    [status, outcome] = error.problem === "malformed" ? [400, "malformed"] : [200, "skipped"];
  } else if (isMisconfiguration(error)) outcome = "misconfigured";
  const name = error instanceof Error ? error.name : "Error";
  // Note: a signature or payload error says what was wrong with the request, never a secret or the
  // body; any other error's message stays in the receiver's log, not in the answer.
  const message = status === 500 ? "the receiver could not handle the delivery" : (error as Error).message;
  const known = outcome === "misconfigured" ? { message: (error as Error).message } : {};
  const log: DeliveryLog = {
    status,
    outcome,
    error: { name, ...(reason !== undefined && { reason }), ...known },
  };
  return {
    log,
    headers: {},
    body: JSON.stringify({ status: outcome, error: { name, ...(reason && { reason }), message } }),
  };
}

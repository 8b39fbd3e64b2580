// The errors of `@cxkit/dixa/webhooks`. Neither ever carries the secret, the signature or the body.
import { ClientOptionsError, describeValue } from "@cxkit/runtime";

/** Why a delivery was refused. */
export type WebhookSignatureReason =
  /** no `X-DIXA-SIGNATURE` header, or an empty one: not a signed Dixa delivery */
  | "missing-header"
  /** the header is not `t=<timestamp>,v1=<64 hex digits>` */
  | "malformed-header"
  /** no `v1` signature matches the body and timestamp under the secret */
  | "bad-signature"
  /** signed longer ago than the tolerance: a replay, or a clock out of sync */
  | "too-old"
  /** signed further in the future than the tolerance: a clock out of sync */
  | "too-new"
  /** the signature is right, but the body is not a Dixa webhook event */
  | "malformed-body";

/**
 * A delivery that is not an authentic, fresh Dixa webhook event; `reason` says which check failed.
 * Answer it with 401 (400 for `malformed-body`); Dixa retries a delivery that was not answered 2xx.
 */
export class WebhookSignatureError extends Error {
  override name = "WebhookSignatureError";
  readonly reason: WebhookSignatureReason;

  constructor(reason: WebhookSignatureReason, message: string) {
    super(message);
    this.reason = reason;
  }

  /** what a log needs: name, reason, message */
  toJSON(): Record<string, unknown> {
    return { name: this.name, reason: this.reason, message: this.message };
  }
}

/**
 * The webhook secret is not usable: missing, not a string, or not the hex-encoded key Dixa shows on
 * the subscription's page. A `ClientOptionsError` (option `secret`), thrown before any other check;
 * the message says what is wrong with it and never shows it.
 */
export class WebhookSecretError extends ClientOptionsError {
  override name = "WebhookSecretError";

  constructor(problem: string) {
    super(
      "secret",
      `secret: expected the webhook subscription's secret key, hex-encoded as Dixa shows it (pairs of 0-9, a-f); ${problem}`,
    );
  }
}

/** Refuses an option of the entry: `ClientOptionsError` saying `<option>: expected <expected>; got <given>`. */
export function refuseOption(option: string, expected: string, given: unknown): never {
  throw new ClientOptionsError(option, `${option}: expected ${expected}; got ${describeValue(given)}`);
}

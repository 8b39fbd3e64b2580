// `verifyDixaWebhook`, over a runtime's signature check (the entry points pick it: index.ts, index.node.ts).
import { describeValue } from "@cxkit/runtime";
import { refuseOption, WebhookSignatureError } from "./errors.js";
import type { DixaWebhookEvent } from "./events.js";
import type { SignatureCheck } from "./hmac.js";
import { readEvent } from "./read-event.js";
import { checkDixaWebhookSecret } from "./secret.js";
import { readSignatureHeader, type WebhookHeaders } from "./signature-header.js";

export interface VerifyDixaWebhookOptions {
  /** how far the signed timestamp may be from `now()`, either way, in seconds (default 300) */
  toleranceSeconds?: number;
  /** the current time in ms since the epoch (default `Date.now`) */
  now?: () => number;
}

/** The default `toleranceSeconds`: 5 minutes, as Stripe's `constructEvent`. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Verifies a Dixa webhook delivery and returns its event. `body` is the raw request body, exactly as
 * received (parse nothing first); `headers` the request's headers (any case); `secret` the
 * subscription's hex-encoded secret key. Rejects with `WebhookSecretError` for an unusable secret
 * (before anything else), `ClientOptionsError` for a bad option, `TypeError` for a body or headers of
 * the wrong type, and `WebhookSignatureError` for a delivery that is not authentic and fresh.
 */
export type VerifyDixaWebhook = (
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options?: VerifyDixaWebhookOptions,
) => Promise<DixaWebhookEvent>;

/** `verifyDixaWebhook` over `matches`, the runtime's HMAC-SHA256 check. */
export function createVerifier(matches: SignatureCheck): VerifyDixaWebhook {
  return async (body, headers, secret, options) => {
    checkDixaWebhookSecret(secret);
    const { toleranceMs, now } = readOptions(options);
    if (typeof body !== "string" && !(body instanceof Uint8Array)) {
      throw new TypeError(
        `verifyDixaWebhook: body must be the raw request body, a string or Uint8Array; got ${describeValue(body)} (was it parsed as JSON already?)`,
      );
    }
    const header = readSignatureHeader(headers);
    const matched = matches(secret, header.timestamp, body, header.signatures);
    // Note: node:crypto answers at once; only Web Crypto's answer is awaited.
    if (!(typeof matched === "boolean" ? matched : await matched)) {
      throw new WebhookSignatureError(
        "bad-signature",
        "the X-DIXA-SIGNATURE signature does not match the body: a wrong secret, or a body changed after Dixa signed it (verify the raw body, before any parsing)",
      );
    }
    const age = now() - header.timestampMs;
    if (Math.abs(age) > toleranceMs) {
      const seconds = Math.round(Math.abs(age) / 1000);
      const tolerance = toleranceMs / 1000;
      throw age > 0
        ? new WebhookSignatureError(
            "too-old",
            `the delivery was signed ${seconds} s ago, more than the ${tolerance} s tolerance: a replay, or a clock out of sync`,
          )
        : new WebhookSignatureError(
            "too-new",
            `the delivery is signed ${seconds} s in the future, more than the ${tolerance} s tolerance: a clock out of sync`,
          );
    }
    return readEvent(body);
  };
}

function readOptions(options: VerifyDixaWebhookOptions | undefined): {
  toleranceMs: number;
  now: () => number;
} {
  if (options === undefined) return { toleranceMs: DEFAULT_TOLERANCE_SECONDS * 1000, now: Date.now };
  if (typeof options !== "object" || options === null) {
    refuseOption("options", "an object", options);
  }
  const { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now } = options;
  if (typeof toleranceSeconds !== "number" || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    refuseOption("toleranceSeconds", "a number of seconds >= 0", toleranceSeconds);
  }
  if (typeof now !== "function") {
    refuseOption("now", "a function returning ms since the epoch", now);
  }
  return { toleranceMs: toleranceSeconds * 1000, now };
}

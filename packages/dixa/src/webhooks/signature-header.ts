// Reads `X-DIXA-SIGNATURE: t=<timestamp>,v1=<hex>` from a request's headers.
import { WebhookSignatureError } from "./errors.js";
import { hexBytes } from "./hex.js";

/** The name Dixa sends the signature under (matched in any case). */
export const SIGNATURE_HEADER = "x-dixa-signature";

/** Request headers: a Fetch `Headers`, or a plain object such as Node's `IncomingHttpHeaders`. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/** A parsed signature header. */
export interface SignatureHeader {
  /** `t` exactly as sent: the signed payload starts with it */
  timestamp: string;
  /** `t` in milliseconds since the epoch */
  timestampMs: number;
  /** every `v1` signature, decoded (more than one may be sent while a secret is rotated) */
  signatures: Uint8Array[];
}

// Note: Dixa's example `t=1689238949803` is in milliseconds. A `t` below 10^11 is read as seconds
// (10^11 ms is 1973; 10^11 s is the year 5138), so both forms are accepted.
const SECONDS_BELOW = 1e11;

/**
 * Finds and parses the signature header; throws `WebhookSignatureError` (`missing-header`,
 * `malformed-header`). Keys other than `t` and `v1` are ignored; `t` and `v1` are case-sensitive.
 * @see https://docs.dixa.io/docs/webhooks/webhooks-security
 */
export function readSignatureHeader(headers: WebhookHeaders): SignatureHeader {
  const value = headerValue(headers);
  if (value === undefined || value.trim() === "") {
    throw new WebhookSignatureError(
      "missing-header",
      `the X-DIXA-SIGNATURE header is ${value === undefined ? "missing" : "empty"}: not a signed Dixa delivery`,
    );
  }
  let timestamp: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of value.split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) malformed("a part is not `key=value`");
    const key = part.slice(0, at).trim();
    const item = part.slice(at + 1).trim();
    if (key === "t") {
      if (timestamp !== undefined) malformed("`t` appears more than once");
      timestamp = item;
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/i.test(item)) malformed("a `v1` is not 64 hex digits (an HMAC-SHA256)");
      signatures.push(hexBytes(item));
    }
  }
  if (timestamp === undefined) malformed("it has no `t=`");
  if (!/^\d{1,16}$/.test(timestamp)) malformed("`t` is not a whole number (milliseconds since the epoch)");
  if (signatures.length === 0) malformed("it has no `v1=`");
  const number = Number(timestamp);
  return { timestamp, timestampMs: number < SECONDS_BELOW ? number * 1000 : number, signatures };
}

function malformed(problem: string): never {
  throw new WebhookSignatureError(
    "malformed-header",
    `the X-DIXA-SIGNATURE header is not \`t=<timestamp>,v1=<hex signature>\`: ${problem}`,
  );
}

/** The header's value, whatever the case of its name; several different values are malformed. */
function headerValue(headers: WebhookHeaders): string | undefined {
  if (typeof (headers as Headers | undefined)?.get === "function") {
    return (headers as Headers).get(SIGNATURE_HEADER) ?? undefined;
  }
  if (typeof headers !== "object" || headers === null) {
    throw new TypeError(
      "verifyDixaWebhook: headers must be a Headers object or a plain object of header names to values",
    );
  }
  let found: string | undefined;
  // Note: a loop without copies: this runs on every delivery.
  for (const name in headers) {
    if (name.length !== SIGNATURE_HEADER.length || name.toLowerCase() !== SIGNATURE_HEADER) continue;
    const given = (headers as Record<string, unknown>)[name];
    for (const value of Array.isArray(given) ? given : [given]) {
      if (value === undefined) continue;
      if (typeof value !== "string") malformed("its value is not a string");
      if (found !== undefined && found !== value)
        malformed("it appears more than once, with different values");
      found = value;
    }
  }
  return found;
}

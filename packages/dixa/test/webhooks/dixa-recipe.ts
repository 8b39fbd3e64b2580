// Dixa's documented signing recipe, written here independently of the code under test: HMAC-SHA256,
// keyed by the hex-decoded secret, over `<t>.<raw body>`, hex-encoded, sent as `t=<t>,v1=<hex>`.
// https://docs.dixa.io/docs/webhooks/webhooks-security
import { createHmac } from "node:crypto";

export const SECRET = "4f1c9a7be2d05836c1aa9e0f7d3b52c4e8a61f09b7d2c35e4a8f6b1d0c9e7a23";

export interface SignOptions {
  /** the key's bytes (default: the hex-decoded secret, as Dixa does) */
  key?: Buffer;
  /** what is signed (default `<t>.<body>`) */
  signed?: (t: string, body: string | Uint8Array) => Buffer;
}

/** The `X-DIXA-SIGNATURE` value Dixa would send for `body` at `t`. */
export function dixaSignature(body: string | Uint8Array, t: string, options: SignOptions = {}): string {
  return `t=${t},v1=${dixaV1(body, t, options)}`;
}

/** The `v1` hex signature alone. */
export function dixaV1(body: string | Uint8Array, t: string, options: SignOptions = {}): string {
  const key = options.key ?? Buffer.from(SECRET, "hex");
  const signed = options.signed?.(t, body) ?? Buffer.concat([Buffer.from(`${t}.`), Buffer.from(body)]);
  return createHmac("sha256", key).update(signed).digest("hex");
}

/** A delivery as Dixa sends one (the `CONVERSATION_CLOSED` example of the spec, with a marker). */
export function closedEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: "7a3e9b1c-2d4f-4a6b-8c0d-1e2f3a4b5c6d",
    event_fqn: "CONVERSATION_CLOSED",
    event_version: "1",
    event_timestamp: "2025-01-15T09:30:00.000Z",
    organization: { id: "0b7c2f3e-4d5a-4b6c-9d8e-7f6a5b4c3d2e", name: "Acme" },
    data: {
      conversation: {
        csid: 4242,
        status: "CLOSED",
        subject: "BODY-MARKER-7d1e",
        requester: { id: "9c2a2cce-699f-4a72-89d9-fda5bc8dec8b", email: "ada@example.com", phone: null },
        assignee: null,
        tags: [{ id: "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", name: "vip", is_deactivated: false }],
      },
    },
    ...overrides,
  };
}

/** The marker in `closedEvent`'s body: it must never appear in an error. */
export const BODY_MARKER = "BODY-MARKER-7d1e";

// Signed Dixa webhook deliveries, signed here by Dixa's documented recipe (not by the code under
// test): HMAC-SHA256 keyed by the hex-decoded secret over `<t>.<raw body>`, sent as
// `X-DIXA-SIGNATURE: t=<t>,v1=<hex>`, `t` in milliseconds.
// @see https://docs.dixa.io/docs/webhooks/webhooks-security
import { createHmac, randomUUID } from "node:crypto";

/** A webhook secret as Dixa shows it: hex. */
export const WEBHOOK_SECRET = "7f3a9c0e5b21d4f68e0a1c3b5d7f9e2a4c6b8d0f1e3a5c7b9d2f4e6a8c0b1d3f";

export function signature(body: string, secret = WEBHOOK_SECRET, t = Date.now()): string {
  const hmac = createHmac("sha256", Buffer.from(secret, "hex")).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${hmac}`;
}

/** The raw body of a conversation event (the spec's example shape), for conversation `csid`. */
export function eventBody(
  csid: number,
  { fqn = "CONVERSATION_CLOSED", eventId = randomUUID() }: { fqn?: string; eventId?: string } = {},
): string {
  return JSON.stringify({
    event_id: eventId,
    event_fqn: fqn,
    event_version: "1",
    event_timestamp: new Date().toISOString(),
    organization: { id: "0b7c2f3e-4d5a-4b6c-9d8e-7f6a5b4c3d2e", name: "Acme" },
    data: { conversation: { csid, status: "CLOSED" } },
  });
}

/** A delivery: the raw body and headers as Dixa sends them. */
export function delivery(
  body: string,
  secret = WEBHOOK_SECRET,
): { body: string; headers: Record<string, string> } {
  return {
    body,
    headers: { "content-type": "application/json", "x-dixa-signature": signature(body, secret) },
  };
}

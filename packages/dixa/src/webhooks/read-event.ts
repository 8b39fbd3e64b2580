// Turns a verified body into an event: the envelope every delivery has, checked by hand, and the
// known `event_fqn` set the spec lists (generated).
import { WebhookSignatureError } from "./errors.js";
import { DIXA_WEBHOOK_EVENTS, type DixaWebhookEvent } from "./events.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const KNOWN: ReadonlySet<string> = new Set(DIXA_WEBHOOK_EVENTS);

/**
 * The envelope (`#/components/schemas/WebhookEventEnvelope`): each field (in the body, or in its
 * `organization`), its JSON type, and whether it may be absent. Note: `event_id` (the key deliveries
 * are de-duplicated on) and `event_fqn` must not be empty either; formats (`uuid`) are not checked here.
 */
const ENVELOPE: readonly [
  within: "" | "organization",
  key: string,
  type: "string" | "object",
  optional?: true,
][] = [
  ["", "event_id", "string"],
  ["", "event_fqn", "string"],
  ["", "event_version", "string"],
  ["", "event_timestamp", "string"],
  ["", "organization", "object"],
  ["organization", "id", "string"],
  ["organization", "name", "string", true],
  ["", "data", "object"],
];

/**
 * Parses a verified body and checks its envelope; `kind` says whether the spec describes its
 * `event_fqn` (`known-event`, `data` typed from that event's schema) or not (`unknown-event`). Throws
 * `WebhookSignatureError` (`malformed-body`) naming the field, never a value. Note: Dixa signed the
 * body, so `data` is not checked against the event's schema here (drift detection is the `validate`
 * entry's `validateDixaWebhookEvents`); fields the spec does not list are kept.
 */
export function readEvent(body: string | Uint8Array): DixaWebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(typeof body === "string" ? body : utf8.decode(body));
  } catch {
    throw malformed("it is not JSON (or not UTF-8)");
  }
  if (!isObject(value)) throw malformed("the body must be an object");
  for (const [within, key, type, optional] of ENVELOPE) {
    // Note: the body's own fields come first, so `organization` is an object when it is read here.
    const field = (within ? (value[within] as Record<string, unknown>) : value)[key];
    if (field === undefined) {
      if (!optional) throw malformed(`\`${within ? `${within}.` : ""}${key}\` is missing`);
    } else if (type === "object" ? !isObject(field) : typeof field !== "string") {
      const expected = type === "object" ? "an object" : "a string";
      throw malformed(`\`${within ? `${within}.` : ""}${key}\` must be ${expected}`);
    } else if (field === "" && (key === "event_id" || key === "event_fqn")) {
      throw malformed(`\`${key}\` must not be empty`);
    }
  }
  const event = value as { event_fqn: string; kind?: string };
  event.kind = KNOWN.has(event.event_fqn) ? "known-event" : "unknown-event";
  return event as DixaWebhookEvent;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function malformed(problem: string): WebhookSignatureError {
  return new WebhookSignatureError("malformed-body", `the body is not a Dixa webhook event: ${problem}`);
}

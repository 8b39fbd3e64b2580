// Turns a verified body into a typed event, with the checks generated from the spec.
import { type WebhookCheckError, webhookEventChecks } from "../generated/webhook-events.js";
import { WebhookSignatureError } from "./errors.js";
import type { DixaWebhookEvent } from "./events.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses and checks a verified body: JSON, the envelope every delivery has, and, for a known
 * `event_fqn`, that event's schema (`kind: "known-event"`); any other `event_fqn` is
 * `kind: "unknown-event"`. Throws `WebhookSignatureError` (`malformed-body`) naming the field, never
 * a value. Objects may carry fields the spec does not list.
 */
export function readEvent(body: string | Uint8Array): DixaWebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(typeof body === "string" ? body : utf8.decode(body));
  } catch {
    throw malformed("it is not JSON (or not UTF-8)");
  }
  const { envelope, events } = webhookEventChecks;
  if (!envelope(value)) throw malformed(describe(envelope.errors));
  const event = value as { event_fqn: string; kind?: string };
  const check = Object.hasOwn(events, event.event_fqn)
    ? events[event.event_fqn as keyof typeof events]
    : undefined;
  if (check !== undefined && !check(value)) {
    throw malformed(`as a ${event.event_fqn} event, ${describe(check.errors)}`);
  }
  event.kind = check === undefined ? "unknown-event" : "known-event";
  return event as DixaWebhookEvent;
}

function malformed(problem: string): WebhookSignatureError {
  return new WebhookSignatureError("malformed-body", `the body is not a Dixa webhook event: ${problem}`);
}

const COMBINATORS = new Set(["allOf", "anyOf", "oneOf", "if", "not"]);

/** The first concrete error as a sentence: the field's path and what it must be (from the spec). */
function describe(errors: readonly WebhookCheckError[] | null | undefined): string {
  const error = errors?.find((item) => !COMBINATORS.has(item.keyword)) ?? errors?.[0];
  if (error === undefined) return "it does not match the spec";
  const path = error.instancePath.slice(1).replaceAll("/", ".");
  const { params } = error;
  switch (error.keyword) {
    case "required":
      return `\`${path ? `${path}.` : ""}${String(params.missingProperty)}\` is missing`;
    case "type":
      return `${path ? `\`${path}\`` : "the body"} must be ${article(String(params.type))}`;
    case "enum":
      return `\`${path}\` must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "minLength":
      return `\`${path}\` must not be empty`;
    default:
      return `\`${path}\` breaks the spec's \`${error.keyword}\` rule (${error.schemaPath})`;
  }
}

function article(type: string): string {
  return type === "object" || type === "array" || type === "integer" ? `an ${type}` : `a ${type}`;
}

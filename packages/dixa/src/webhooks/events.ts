// The webhook event types: generated from the spec's `KnownWebhookEvent` union (specs/dixa/openapi.yaml).
import type { components } from "../generated/schema.js";
import { knownWebhookEvents } from "../generated/webhook-events.js";

type Schemas = components["schemas"];

/** The `event_fqn` of every event the spec describes, e.g. `"CONVERSATION_CLOSED"`. */
export type DixaWebhookEventFqn = Schemas["KnownWebhookEvent"]["event_fqn"];

/** Every `DixaWebhookEventFqn`, in the spec's order: the events `verifyDixaWebhook` returns as known. */
export const DIXA_WEBHOOK_EVENTS: readonly DixaWebhookEventFqn[] = knownWebhookEvents;

/**
 * A delivery of an event the spec describes. Check `kind` first, then `event_fqn` narrows `data`:
 * `if (event.kind === "known-event" && event.event_fqn === "CONVERSATION_CLOSED") event.data.conversation.csid`.
 */
export type DixaKnownWebhookEvent = Schemas["KnownWebhookEvent"] & { kind: "known-event" };

/** The known event of one `event_fqn`, e.g. `DixaWebhookEventOf<"CONVERSATION_RATED">`. */
export type DixaWebhookEventOf<F extends DixaWebhookEventFqn> = Extract<
  DixaKnownWebhookEvent,
  { event_fqn: F }
>;

/**
 * A signed, well-formed delivery of an event the spec does not describe (Dixa has more events, and
 * may add some): the envelope, with `data` left to the caller.
 */
export interface DixaUnknownWebhookEvent {
  kind: "unknown-event";
  /** the event's id: the same in every delivery of the event (deduplicate on it) */
  event_id: string;
  /** e.g. `"CONVERSATION_ENQUEUED"` */
  event_fqn: string;
  event_version: string;
  /** when the event was emitted (ISO-8601) */
  event_timestamp: string;
  organization: unknown;
  data: unknown;
}

/** What `verifyDixaWebhook` returns: a known event (typed by `event_fqn`) or an unknown one. */
export type DixaWebhookEvent = DixaKnownWebhookEvent | DixaUnknownWebhookEvent;

/** The conversation a delivery carries (`data.conversation`): `csid` is its id. */
export type DixaWebhookConversation = Schemas["WebhookConversation"];
/** A user in a delivery: requester, assignee, author or agent. */
export type DixaWebhookUser = Schemas["WebhookUser"];

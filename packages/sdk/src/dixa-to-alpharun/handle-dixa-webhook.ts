import {
  DEFAULT_EVENT_STORE,
  type DixaWebhookEvent,
  type DixaWebhookEventFqn,
  verifyDixaWebhook,
  type WebhookEventStore,
  type WebhookHeaders,
} from "@cxkit/dixa/webhooks";
import type { DriftCheck } from "@cxkit/runtime/drift";
import { isConversationId } from "../check-input.js";
import { WebhookPayloadError } from "../errors.js";
import { failureOf, isRetryable } from "../failure.js";
import type { OutcomeStatus, SkipReason } from "../outcome.js";
import type { SyncContext } from "../sync-context.js";
import type { ContactSyncReport } from "./contact-sync-report.js";
import { type ConversationSyncOptions, syncConversation } from "./sync-conversation.js";

/** What `handleDixaWebhook` did with one delivery. */
export interface DixaWebhookResult {
  eventId: string;
  eventFqn: string;
  /**
   * `duplicate`: this `event_id` was handled already (or is being handled now), nothing was done
   * again; else the sync's status, or `skipped` (with `reason`) for an event that is not synced
   */
  status: OutcomeStatus | "duplicate";
  /** the conversation the event is about (known events) */
  conversationId?: number;
  reason?: SkipReason;
  report?: ContactSyncReport;
}

/** The events `handleDixaWebhook` syncs unless told otherwise. */
export const DEFAULT_DIXA_EVENTS: readonly DixaWebhookEventFqn[] = [
  "CONVERSATION_CLOSED",
  "CONVERSATION_RATED",
];

/** How long a handled `event_id` is remembered: Dixa's retries of one delivery fall well within it. */
const REMEMBER_MS = DEFAULT_EVENT_STORE.ttlMs;

export interface DixaWebhookSettings {
  events: ReadonlySet<string>;
  store: WebhookEventStore;
  /** checks each verified delivery against the spec's event schemas (`dixa.validateResponses`) */
  drift?: DriftCheck | undefined;
}

const utf8 = new TextDecoder();

/**
 * The handler of signed Dixa deliveries: verifies the signature with `secret` (the subscription's,
 * checked already; a `WebhookSignatureError` when it
 * fails), handles each `event_id` once, and syncs the event's conversation onto its Alpharun
 * contact when the event is one of `events`. A delivery of an event being handled right now waits
 * for it and reports `duplicate`; one whose sync failed in a way worth retrying is not remembered,
 * so Dixa's retry of it is handled again.
 */
export function dixaWebhookHandler(context: SyncContext, settings: DixaWebhookSettings) {
  const inFlight = new Map<string, Promise<DixaWebhookResult>>();
  const { store } = settings;
  // Note: a store that can claim and forget atomically is shared safely between processes; else
  // `inFlight` serialises deliveries of one event within this process, and `has`/`add` remember it.
  const atomic = store.claim !== undefined && store.delete !== undefined;

  /** The conversation a synced event is about; undefined for an event that is not synced. */
  const conversationOf = (event: DixaWebhookEvent): number | undefined => {
    if (event.kind === "unknown-event" || !settings.events.has(event.event_fqn)) return undefined;
    // Note: verification checks the envelope, not each event's data (Dixa signed it); the sync needs its id.
    const csid = (event.data as { conversation?: { csid?: unknown } }).conversation?.csid;
    if (isConversationId(csid)) return csid;
    const message = `a ${event.event_fqn} delivery without its conversation: data.conversation.csid must be a Dixa conversation id`;
    throw new WebhookPayloadError("malformed", message, event.event_fqn);
  };

  const handle = async (
    event: DixaWebhookEvent,
    conversationId: number | undefined,
    options: ConversationSyncOptions,
  ) => {
    const base = { eventId: event.event_id, eventFqn: event.event_fqn };
    if (conversationId === undefined) {
      const known =
        event.kind === "unknown-event" ? "not an event cxkit knows" : "not one of the events synced";
      const message = `${event.event_fqn} is ${known} (synced: ${[...settings.events].join(", ")})`;
      return { ...base, status: "skipped", reason: { code: "event-not-synced", message } } as const;
    }
    const report = await syncConversation(context, conversationId, options);
    return { ...base, conversationId, status: report.status, report };
  };

  return async (
    body: string | Uint8Array,
    headers: WebhookHeaders,
    secret: string,
    options: ConversationSyncOptions = {},
  ): Promise<DixaWebhookResult> => {
    const event = await verifyDixaWebhook(body, headers, secret);
    settings.drift?.checkPayload("KnownWebhookEvent", typeof body === "string" ? body : utf8.decode(body));
    const conversationId = conversationOf(event);
    const id = event.event_id;
    const duplicate = { eventId: id, eventFqn: event.event_fqn, status: "duplicate" } as const;
    const running = inFlight.get(id);
    if (running) {
      const first = await running;
      return mustRetry(first) ? first : duplicate;
    }
    const work = (async (): Promise<DixaWebhookResult> => {
      const fresh = atomic ? await store.claim?.(id, REMEMBER_MS) : !(await store.has(id));
      if (!fresh) return duplicate;
      let result: DixaWebhookResult | undefined;
      try {
        result = await handle(event, conversationId, options);
        return result;
      } finally {
        if (!result || mustRetry(result)) {
          if (atomic) await store.delete?.(id);
        } else if (!atomic) await store.add(id, REMEMBER_MS);
      }
    })();
    inFlight.set(id, work);
    try {
      return await work;
    } finally {
      inFlight.delete(id);
    }
  };
}

/** A result whose sync failed in a way worth retrying: Dixa should deliver the event again. */
function mustRetry(result: DixaWebhookResult): boolean {
  const failure = failureOf(result);
  return failure !== undefined && isRetryable(failure);
}

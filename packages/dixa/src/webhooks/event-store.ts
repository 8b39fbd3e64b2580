// De-duplication of webhook deliveries by `event_id`: Dixa may deliver an event more than once.
import { describeValue } from "@cxkit/runtime";
import { refuseOption } from "./errors.js";

/**
 * Where a receiver remembers the events it has handled, by `event_id`. Async-capable, so a shared
 * store (Redis, a database) fits behind it.
 *
 * `has` then `add` is not atomic: two deliveries of one event handled at once both see `has` false.
 * A store that can, offers `claim` (record unless present, atomically) and `delete` (forget, so a
 * delivery whose handling failed is handled again when Dixa retries it). A caller uses them when
 * present; otherwise it serialises deliveries of one `event_id` itself (one at a time per process),
 * checks `has` before handling and calls `add` only once the event is handled.
 * @see https://docs.dixa.io/docs/webhooks/webhooks-guide ("Handling duplicate events")
 */
export interface WebhookEventStore {
  /** whether `eventId` is recorded and has not expired */
  has(eventId: string): boolean | Promise<boolean>;
  /** records `eventId` for `ttlMs` milliseconds */
  add(eventId: string, ttlMs: number): void | Promise<void>;
  /** atomically records `eventId` unless it is recorded; true when this call recorded it */
  claim?(eventId: string, ttlMs: number): boolean | Promise<boolean>;
  /** forgets `eventId` */
  delete?(eventId: string): void | Promise<void>;
}

export interface MemoryEventStoreOptions {
  /** how many event ids are kept at most; past it the oldest is dropped (default 10,000) */
  maxEntries?: number;
  /** how long an id is kept at most, in ms; `add` and `claim` may ask for less (default 24 h) */
  ttlMs?: number;
  /** the current time in ms (default `Date.now`) */
  now?: () => number;
}

/** The in-memory store: synchronous, so `claim` is atomic within the process. */
export interface MemoryEventStore extends WebhookEventStore {
  has(eventId: string): boolean;
  add(eventId: string, ttlMs: number): void;
  claim(eventId: string, ttlMs: number): boolean;
  delete(eventId: string): void;
  /** how many ids are kept now (expired ones included until they are swept) */
  readonly size: number;
}

/** The memory store's defaults: 10,000 ids (about 1 MB), each kept up to 24 hours. */
export const DEFAULT_EVENT_STORE = { maxEntries: 10_000, ttlMs: 24 * 60 * 60 * 1000 } as const;

/**
 * A bounded in-memory `WebhookEventStore` for one process: at most `maxEntries` ids, each for at most
 * `ttlMs`. Note: past `maxEntries` the oldest id is dropped even before it expires (memory stays
 * bounded; a very late repeat of that event would be handled again). Several processes need a
 * shared store.
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): MemoryEventStore {
  const {
    maxEntries = DEFAULT_EVENT_STORE.maxEntries,
    ttlMs: maxTtlMs = DEFAULT_EVENT_STORE.ttlMs,
    now = Date.now,
  } = options;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    refuseOption("maxEntries", "a whole number >= 1", maxEntries);
  }
  checkTtl("ttlMs", maxTtlMs);
  if (typeof now !== "function") {
    refuseOption("now", "a function returning ms", now);
  }
  const expiries = new Map<string, number>(); // event id -> when it expires; oldest first

  const has = (eventId: string): boolean => {
    checkId(eventId);
    const expires = expiries.get(eventId);
    if (expires === undefined) return false;
    if (expires > now()) return true;
    expiries.delete(eventId);
    return false;
  };
  const add = (eventId: string, ttlMs: number): void => {
    checkId(eventId);
    checkTtl("ttlMs", ttlMs);
    const at = now();
    expiries.delete(eventId);
    expiries.set(eventId, at + Math.min(ttlMs, maxTtlMs));
    // Note: sweep expired ids from the oldest end, then drop the oldest past the bound.
    for (const [id, expires] of expiries) {
      if (expires > at && expiries.size <= maxEntries) break;
      expiries.delete(id);
    }
  };
  return {
    has,
    add,
    claim: (eventId, ttlMs) => {
      if (has(eventId)) return false;
      add(eventId, ttlMs);
      return true;
    },
    delete: (eventId) => {
      checkId(eventId);
      expiries.delete(eventId);
    },
    get size() {
      return expiries.size;
    },
  };
}

function checkId(eventId: unknown): void {
  if (typeof eventId !== "string" || eventId === "") {
    throw new TypeError(
      `event store: the event id must be a non-empty string; got ${describeValue(eventId)}`,
    );
  }
}

function checkTtl(name: string, ttlMs: unknown): void {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    refuseOption(name, "a number of milliseconds above 0", ttlMs);
  }
}

// The in-memory de-duplication store: bounded in size and time, with an atomic claim.
import { ClientOptionsError } from "@cxkit/runtime";
import { expect, test } from "vitest";
import { createMemoryEventStore, DEFAULT_EVENT_STORE } from "../../src/webhooks/index.js";

function clock(start = 1_000_000) {
  let time = start;
  const advance = (ms: number): void => {
    time += ms;
  };
  return { now: () => time, advance };
}

test("remembers an event id for its TTL, and forgets it after", () => {
  const { now, advance } = clock();
  const store = createMemoryEventStore({ now });
  expect(store.has("e-1")).toBe(false);
  store.add("e-1", 60_000);
  expect(store.has("e-1")).toBe(true);
  advance(59_999);
  expect(store.has("e-1")).toBe(true);
  advance(1);
  expect(store.has("e-1")).toBe(false);
});

test("keeps an id no longer than the store's ttlMs, whatever add asks", () => {
  const { now, advance } = clock();
  const store = createMemoryEventStore({ now, ttlMs: 1_000 });
  store.add("e-1", 60_000);
  advance(1_000);
  expect(store.has("e-1")).toBe(false);
});

test("drops the oldest id past maxEntries, and sweeps expired ids as it adds", () => {
  const { now, advance } = clock();
  const store = createMemoryEventStore({ now, maxEntries: 2 });
  store.add("e-1", 60_000);
  store.add("e-2", 60_000);
  store.add("e-3", 60_000);
  expect([store.has("e-1"), store.has("e-2"), store.has("e-3"), store.size]).toEqual([false, true, true, 2]);
  advance(60_000);
  store.add("e-4", 60_000);
  expect(store.size).toBe(1);
});

test("holds 10,000 ids for 24 hours by default", () => {
  expect(DEFAULT_EVENT_STORE).toEqual({ maxEntries: 10_000, ttlMs: 86_400_000 });
  const { now, advance } = clock();
  const store = createMemoryEventStore({ now });
  for (let i = 0; i <= 10_000; i++) store.add(`e-${i}`, Number.MAX_SAFE_INTEGER);
  expect([store.size, store.has("e-0"), store.has("e-1"), store.has("e-10000")]).toEqual([
    10_000,
    false,
    true,
    true,
  ]);
  advance(86_400_000);
  expect(store.has("e-10000")).toBe(false);
});

test("claim records an id once: of concurrent claims of one event, exactly one wins", async () => {
  const store = createMemoryEventStore();
  const claims = await Promise.all(Array.from({ length: 10 }, async () => store.claim("e-1", 60_000)));
  expect(claims.filter(Boolean)).toHaveLength(1);
  expect(store.claim("e-1", 60_000)).toBe(false);
});

test("delete forgets an id, so a delivery whose handling failed is claimed again", () => {
  const store = createMemoryEventStore();
  expect(store.claim("e-1", 60_000)).toBe(true);
  store.delete("e-1");
  expect(store.has("e-1")).toBe(false);
  expect(store.claim("e-1", 60_000)).toBe(true);
});

test.each([
  [{ maxEntries: 0 }, "maxEntries"],
  [{ maxEntries: 1.5 }, "maxEntries"],
  [{ ttlMs: 0 }, "ttlMs"],
  [{ ttlMs: Number.POSITIVE_INFINITY }, "ttlMs"],
  [{ now: "now" }, "now"],
])("options %o are a ClientOptionsError naming the option", (options, option) => {
  expect(() => createMemoryEventStore(options as never)).toThrow(ClientOptionsError);
  expect(() => createMemoryEventStore(options as never)).toThrow(expect.objectContaining({ option }));
});

test("an empty event id or a TTL that is not above 0 is refused", () => {
  const store = createMemoryEventStore();
  expect(() => store.add("", 1_000)).toThrow(TypeError);
  expect(() => store.has(undefined as never)).toThrow(TypeError);
  expect(() => store.add("e-1", -1)).toThrow(ClientOptionsError);
  expect(store.size).toBe(0);
});

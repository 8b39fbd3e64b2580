// The client-side rate limit: 10 requests/s with bursts of 4, on an injected clock and on the wall clock.
import { describe, expect, test } from "vitest";
import { ClientOptionsError, createRuntimeFetch, RateLimiter, systemClock } from "../../src/index.js";
import { ManualClock, settle } from "../support/clocks.js";

/** 10 requests/s with bursts of 4. */
const TEN_PER_SECOND_BURST_FOUR = { requestsPerSecond: 10, burst: 4 };

/** An in-memory `fetch` that notes when each request reached it. */
function recordingFetch(clock: { now(): number }) {
  const arrivals: number[] = [];
  const fetch = async (_request: Request) => {
    arrivals.push(clock.now());
    return new Response("{}", { headers: { "content-type": "application/json" } });
  };
  return { arrivals, fetch };
}

/** 0, 0, 0, 0 (the burst), then one every 100 ms. */
const schedule = (count: number) => Array.from({ length: count }, (_, i) => Math.max(0, i - 3) * 100);

describe("RateLimiter on an injected clock", () => {
  test("releases 40 calls as the burst of 4 at once, then one every 100 ms, never early", async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(TEN_PER_SECOND_BURST_FOUR, clock);
    const releases: number[] = [];
    const calls = Array.from({ length: 40 }, async () => {
      await limiter.acquire();
      releases.push(clock.now());
    });
    await settle();
    expect(releases).toEqual([0, 0, 0, 0]);
    for (let released = 5; released <= 40; released++) {
      await clock.advance(99);
      expect(releases).toHaveLength(released - 1); // nothing early
      await clock.advance(1);
      expect(releases).toHaveLength(released);
    }
    await Promise.all(calls);
    expect(releases).toEqual(schedule(40));
  });

  test("refills the burst after an idle period, and no more than the burst", async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(TEN_PER_SECOND_BURST_FOUR, clock);
    for (let i = 0; i < 4; i++) expect(limiter.acquire()).toBeUndefined();
    await clock.advance(10_000);
    for (let i = 0; i < 4; i++) expect(limiter.acquire()).toBeUndefined();
    expect(limiter.acquire()).toBeInstanceOf(Promise);
  });

  test("rejects a rate or burst it cannot honour", () => {
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(ClientOptionsError);
    expect(() => new RateLimiter({ requestsPerSecond: 10, burst: 0 })).toThrow(ClientOptionsError);
  });
});

describe("the runtime fetch with a rate limit", () => {
  test("concurrent callers share one budget", async () => {
    const clock = new ManualClock();
    const { arrivals, fetch } = recordingFetch(clock);
    const runtimeFetch = createRuntimeFetch({
      fetch,
      clock,
      rateLimit: new RateLimiter(TEN_PER_SECOND_BURST_FOUR, clock),
      timeout: false,
    });
    // Four callers, ten calls each, all started at once.
    const callers = Array.from({ length: 4 }, (_, caller) =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) => runtimeFetch(new Request(`http://api.test/c${caller}/${i}`))),
      ),
    );
    await settle();
    expect(arrivals).toEqual([0, 0, 0, 0]);
    await clock.advance(3_599);
    expect(arrivals).toHaveLength(39);
    await clock.advance(1);
    await Promise.all(callers);
    expect(arrivals).toEqual(schedule(40));
  });

  test("a RateLimiter passed to two clients gives them one budget", async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(TEN_PER_SECOND_BURST_FOUR, clock);
    const { arrivals, fetch } = recordingFetch(clock);
    const first = createRuntimeFetch({ fetch, clock, rateLimit: limiter });
    const second = createRuntimeFetch({ fetch, clock, rateLimit: limiter });
    const calls = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? first : second)(new Request(`http://api.test/${i}`)),
    );
    await clock.advance(400);
    await Promise.all(calls);
    expect(arrivals).toEqual(schedule(8));
  });

  test("rateLimit: false (the default) sends everything at once", async () => {
    const clock = new ManualClock();
    const { arrivals, fetch } = recordingFetch(clock);
    const runtimeFetch = createRuntimeFetch({ fetch, clock });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => runtimeFetch(new Request(`http://api.test/${i}`))),
    );
    expect(arrivals).toEqual(Array(20).fill(0));
  });
});

describe("RateLimiter on the wall clock", () => {
  test("never releases a call before its slot (lower bound only)", async () => {
    const limiter = new RateLimiter(TEN_PER_SECOND_BURST_FOUR, systemClock);
    const started = performance.now();
    const offsets: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        await limiter.acquire();
        offsets.push(performance.now() - started);
      }),
    );
    offsets.forEach((offset, i) => {
      expect(offset).toBeGreaterThanOrEqual(Math.max(0, i - 3) * 100);
    });
  });
});

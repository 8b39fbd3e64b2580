// Attempt deadlines on an injected clock and on the system clock, and the abort relay they and the
// clock's waits share.
import { getEventListeners } from "node:events";
import { describe, expect, test } from "vitest";
import { systemClock } from "../../src/index.js";
import { onAbort } from "../../src/on-abort.js";
import { createDeadlines } from "../../src/timeout.js";
import { ManualClock } from "../support/clocks.js";

/** The process's ref'd timers: what keeps it running. */
const heldTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("createDeadlines", () => {
  test("aborts with a TimeoutError once its time has passed on the clock, not before", async () => {
    const clock = new ManualClock();
    const deadline = createDeadlines(clock, false)(1_000, undefined);
    await clock.advance(999);
    expect(deadline.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(deadline.signal.reason).toMatchObject({ name: "TimeoutError" });
  });

  test("follows the caller's signal, and stops its timer and listener when the attempt ends", async () => {
    const clock = new ManualClock();
    const start = createDeadlines(clock, false);
    const caller = new AbortController();
    const ended = start(1_000, caller.signal);
    ended.end();
    expect(clock.pending).toBe(0);
    const running = start(1_000, caller.signal);
    caller.abort(new Error("stop"));
    expect(running.signal.reason).toEqual(new Error("stop"));
    expect(ended.signal.aborted).toBe(false);
  });

  test("without a timeout, only follows the caller", () => {
    const clock = new ManualClock();
    const caller = new AbortController();
    const deadline = createDeadlines(clock, false)(false, caller.signal);
    expect(clock.pending).toBe(0);
    caller.abort();
    expect(deadline.signal.aborted).toBe(true);
  });

  test("attempts in flight share one timer, which aborts each at its own deadline", async () => {
    const clock = new ManualClock();
    const start = createDeadlines(clock, false);
    const first = start(1_000, undefined);
    await clock.advance(300);
    const second = start(1_000, undefined);
    expect(clock.pending).toBe(1);
    await clock.advance(700);
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    await clock.advance(299);
    expect(second.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(second.signal.reason).toMatchObject({ name: "TimeoutError" });
    expect(clock.pending).toBe(0);
  });

  test("an earlier deadline re-arms the timer, and the later one still comes", async () => {
    const clock = new ManualClock();
    const start = createDeadlines(clock, false);
    const long = start(1_000, undefined);
    const short = start(100, undefined);
    await clock.advance(100);
    expect(short.signal.aborted).toBe(true);
    expect(long.signal.aborted).toBe(false);
    expect(clock.pending).toBe(1);
    await clock.advance(900);
    expect(long.signal.aborted).toBe(true);
  });

  test("an injected clock's timer is cancelled once no attempt waits on it", async () => {
    const clock = new ManualClock();
    const start = createDeadlines(clock, false);
    const first = start(1_000, undefined);
    const second = start(2_000, undefined);
    first.end();
    expect(clock.pending).toBe(1);
    second.end();
    expect(clock.pending).toBe(0);
    await clock.advance(5_000);
    expect(second.signal.aborted).toBe(false);
  });

  test("the system clock's one timer holds the process open only while an attempt waits on it", () => {
    const start = createDeadlines(systemClock, false);
    const before = heldTimers();
    const first = start(60_000, undefined);
    const second = start(60_000, undefined);
    expect(heldTimers()).toBe(before + 1);
    first.end();
    expect(heldTimers()).toBe(before + 1);
    second.end();
    expect(heldTimers()).toBe(before);
    const third = start(60_000, undefined);
    expect(heldTimers()).toBe(before + 1);
    third.end();
    expect(heldTimers()).toBe(before);
  });

  test("the system clock's timer, kept past an attempt, still aborts a later one at its own deadline", async () => {
    const start = createDeadlines(systemClock, false);
    start(150, undefined).end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const late = start(150, undefined);
    await new Promise((resolve) => late.signal.addEventListener("abort", resolve));
    // Note: a lower bound only, which load cannot break: the kept timer fired first, 50 ms early.
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(late.signal.reason).toMatchObject({ name: "TimeoutError" });
  });
});

describe("createDeadlines with reused signals", () => {
  const read = () => new Response(null, { status: 204 });

  test("an attempt that ended with nothing left to read hands its signal to the next, 8 attempts at most", () => {
    const start = createDeadlines(new ManualClock(), true);
    const signals = Array.from({ length: 9 }, () => {
      const deadline = start(1_000, undefined);
      deadline.end(read());
      return deadline.signal;
    });
    expect(new Set(signals.slice(0, 8)).size).toBe(1);
    expect(signals[8]).not.toBe(signals[0]);
  });

  test("attempts in flight at once never share a signal", () => {
    const start = createDeadlines(new ManualClock(), true);
    const first = start(1_000, undefined);
    const second = start(1_000, undefined);
    expect(second.signal).not.toBe(first.signal);
  });

  test("a signal is not reused after an abort, a body still to read, a failure, or without reuseSignals", async () => {
    const clock = new ManualClock();
    for (const [reuse, finish] of [
      [true, async (d: ReturnType<ReturnType<typeof createDeadlines>>) => d.end(new Response("unread"))],
      [true, async (d: ReturnType<ReturnType<typeof createDeadlines>>) => d.end()],
      [
        true,
        async (d: ReturnType<ReturnType<typeof createDeadlines>>) => {
          await clock.advance(1_000);
          d.end(read());
        },
      ],
      [false, async (d: ReturnType<ReturnType<typeof createDeadlines>>) => d.end(read())],
    ] as const) {
      const start = createDeadlines(clock, reuse);
      const first = start(1_000, undefined);
      await finish(first);
      expect(start(1_000, undefined).signal).not.toBe(first.signal);
    }
  });
});

describe("onAbort", () => {
  test("adds one listener to a signal however many wait on it, and runs each wait once", () => {
    const controller = new AbortController();
    let runs = 0;
    const stops = Array.from({ length: 200 }, () => onAbort(controller.signal, () => runs++));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    stops[0]?.();
    controller.abort();
    expect(runs).toBe(199);
  });

  test("runs at once for a signal that has already aborted", () => {
    let runs = 0;
    onAbort(AbortSignal.abort(), () => runs++);
    expect(runs).toBe(1);
  });

  test("200 sleeps of the system clock on one signal add one listener to it", async () => {
    const controller = new AbortController();
    const sleeps = Array.from({ length: 200 }, () => systemClock.sleep(60_000, controller.signal));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort(new Error("stop"));
    await expect(Promise.all(sleeps)).rejects.toThrow("stop");
  });
});

// One attempt's deadline on an injected clock, and the abort relay it and the clock's waits share.
import { getEventListeners } from "node:events";
import { describe, expect, test } from "vitest";
import { systemClock } from "../../src/index.js";
import { onAbort } from "../../src/on-abort.js";
import { startAttemptTimeout } from "../../src/timeout.js";
import { ManualClock } from "../support/clocks.js";

describe("startAttemptTimeout", () => {
  test("aborts with a TimeoutError once its time has passed on the clock, not before", async () => {
    const clock = new ManualClock();
    const deadline = startAttemptTimeout(1_000, undefined, clock);
    await clock.advance(999);
    expect(deadline.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(deadline.signal.reason).toMatchObject({ name: "TimeoutError" });
  });

  test("follows the caller's signal, and stops its timer and listener when the attempt ends", async () => {
    const clock = new ManualClock();
    const caller = new AbortController();
    const ended = startAttemptTimeout(1_000, caller.signal, clock);
    ended.end();
    expect(clock.pending).toBe(0);
    const running = startAttemptTimeout(1_000, caller.signal, clock);
    caller.abort(new Error("stop"));
    expect(running.signal.reason).toEqual(new Error("stop"));
    expect(ended.signal.aborted).toBe(false);
  });

  test("without a timeout, only follows the caller", () => {
    const clock = new ManualClock();
    const caller = new AbortController();
    const deadline = startAttemptTimeout(false, caller.signal, clock);
    expect(clock.pending).toBe(0);
    caller.abort();
    expect(deadline.signal.aborted).toBe(true);
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

/**
 * Time as the runtime sees it: backoff waits, rate-limit waits and attempt durations all go through
 * a `Clock`, so tests inject one instead of mocking timers. Per-attempt timeouts use the platform
 * timer, because they guard real I/O.
 */
export interface Clock {
  /** monotonic milliseconds */
  now(): number;
  /** resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `performance.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

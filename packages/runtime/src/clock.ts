import { onAbort } from "./on-abort.js";

/**
 * Time as the runtime sees it: backoff waits, rate-limit waits, attempt deadlines and durations all
 * go through a `Clock`, so tests inject one instead of mocking timers.
 */
export interface Clock {
  /** monotonic milliseconds */
  now(): number;
  /** resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * runs `callback` after `ms` unless `cancel()` is called first; the runtime arms one for the
   * attempt deadlines (default: the platform's `setTimeout`, which lets the process exit while no
   * attempt is waiting on it)
   */
  timer?(ms: number, callback: () => void): { cancel(): void };
}

/** The real clock: `performance.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      // Note: through `onAbort`, so any number of waits on one signal add a single listener to it.
      const stop = signal
        ? onAbort(signal, () => {
            clearTimeout(timer);
            reject(signal.reason);
          })
        : undefined;
      const timer = setTimeout(() => {
        stop?.();
        resolve();
      }, ms);
    });
  },
};

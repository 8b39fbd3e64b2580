import type { Clock } from "./clock.js";
import { onAbort } from "./on-abort.js";

/** One attempt's deadline, as the runtime's `fetch` uses it. */
export interface AttemptTimeout {
  /** pass to `fetch`: aborts when the deadline passes or the caller's signal aborts */
  readonly signal: AbortSignal;
  /** stops the timer and detaches from the caller's signal, once the attempt is over (its body read, or its failure) */
  end(): void;
}

/**
 * Starts one attempt's deadline: `signal` aborts when `ms` pass or when the caller's signal aborts,
 * whichever comes first. The timer runs on the clock's `timer` when it has one, else `setTimeout`.
 */
export function startAttemptTimeout(
  ms: number | false,
  caller: AbortSignal | undefined,
  clock: Clock,
): AttemptTimeout {
  const controller = new AbortController();
  // Note: the runtime tells a timeout by this reason, a `DOMException` named `TimeoutError`.
  const expire = () =>
    controller.abort(new DOMException(`The attempt timed out after ${ms} ms`, "TimeoutError"));
  const timer = ms === false ? undefined : clock.timer ? clock.timer(ms, expire) : setTimeout(expire, ms);
  // Note: through `onAbort`, so any number of attempts on one caller signal add one listener to it.
  const unlink = caller && onAbort(caller, () => controller.abort(caller.reason));
  return {
    signal: controller.signal,
    end() {
      if (timer && typeof timer === "object" && "cancel" in timer) timer.cancel();
      else clearTimeout(timer);
      unlink?.();
    },
  };
}

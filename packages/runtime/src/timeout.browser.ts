// What a browser bundle gets in place of timeout.ts (package.json `browser` field): a timer and an
// AbortController per attempt. The shared timer and the reused signals of timeout.ts save what Node 20
// spends on timer lists and transferable signals; a browser spends neither, and ships fewer bytes.
import type { Clock } from "./clock.js";
import { onAbort } from "./on-abort.js";
import type { StartDeadline } from "./timeout.js";

export type { AttemptTimeout, StartDeadline } from "./timeout.js";

/** The attempt deadlines of one client: a timer per attempt, on the clock's `timer` when it has one. */
export function createDeadlines(clock: Clock, _reuseSignals: boolean): StartDeadline {
  return (ms, caller) => {
    const controller = new AbortController();
    // Note: the runtime tells a timeout by this reason, a `DOMException` named `TimeoutError`.
    const expire = () =>
      controller.abort(new DOMException(`The attempt timed out after ${ms} ms`, "TimeoutError"));
    const timer = ms === false ? undefined : clock.timer ? clock.timer(ms, expire) : setTimeout(expire, ms);
    const unlink = caller && onAbort(caller, () => controller.abort(caller.reason));
    return {
      signal: controller.signal,
      end() {
        if (timer && typeof timer === "object" && "cancel" in timer) timer.cancel();
        else clearTimeout(timer);
        unlink?.();
      },
    };
  };
}

import { BufferedResponse } from "./buffered-response.js";
import type { Clock } from "./clock.js";
import { onAbort } from "./on-abort.js";

/** One attempt's deadline, as the runtime's `fetch` uses it. */
export interface AttemptTimeout {
  /** pass to `fetch`: aborts when the deadline passes or the caller's signal aborts */
  readonly signal: AbortSignal;
  /**
   * ends the deadline and detaches from the caller's signal, once the attempt is over (its body read,
   * or its failure); `response`: the one the attempt returns, if any
   */
  end(response?: Response): void;
}

/** Starts one attempt's deadline: `signal` aborts after `ms` (never, for `false`) or when `caller` aborts. */
export type StartDeadline = (ms: number | false, caller: AbortSignal | undefined) => AttemptTimeout;

/** Most attempts one signal serves (see `createDeadlines`). */
const MAX_USES = 8;
const NEVER = Number.POSITIVE_INFINITY;

/**
 * The attempt deadlines of one client, all on one timer: it is armed for the earliest deadline of the
 * attempts in flight and, when it fires, aborts those whose time has passed and re-arms for the next.
 * An attempt adds its deadline and removes it when it ends; only an earlier deadline re-arms the
 * timer. The timer is the clock's `timer` when it has one (cancelled once no attempt waits on it),
 * else one `setTimeout`, kept between attempts but unref'd while none waits on it, so it never holds
 * the process open by itself. (A browser bundle gets timeout.browser.ts instead: a timer per attempt.)
 *
 * Note: what this saves on Node 20, where a timeout was most of what the runtime added to a call. A
 * `setTimeout` and `clearTimeout` per attempt build and tear down a timer list each time when calls
 * run one after another. And Node makes every `AbortSignal` transferable when it is created, so with
 * `reuseSignals` (the platform's own `fetch`) the signal of an attempt that did not abort and left
 * nothing to abort (its response read whole, or without a body) serves the next one: never two
 * attempts at once, at most 8 in all. Node's `fetch` leaves a listener on a signal per request until
 * that request is garbage-collected; a later abort reaches only requests that are over, which ignore it.
 */
export function createDeadlines(clock: Clock, reuseSignals: boolean): StartDeadline {
  const waiting = new Set<{ at: number; expire(): void }>();
  const spare: [AbortController, number][] = [];
  // Note: the clock's timer (tests inject one), else Node's `Timeout`, which can be unref'd.
  let timer: { cancel(): void } | NodeJS.Timeout | undefined;
  let armedAt = NEVER;

  const stop = () => {
    if (timer && "cancel" in timer) timer.cancel();
    else clearTimeout(timer);
    timer = undefined;
    armedAt = NEVER;
  };
  const arm = (at: number) => {
    stop();
    armedAt = at;
    const wait = Math.max(0, at - clock.now());
    timer = clock.timer ? clock.timer(wait, fire) : setTimeout(fire, wait);
  };
  function fire() {
    timer = undefined;
    armedAt = NEVER;
    const now = clock.now();
    let next = NEVER;
    for (const deadline of waiting) {
      if (deadline.at > now) next = Math.min(next, deadline.at);
      else {
        waiting.delete(deadline);
        deadline.expire();
      }
    }
    if (next < NEVER) arm(next);
  }

  return (ms, caller) => {
    const slot = spare.pop() ?? [new AbortController(), 0];
    const [controller, uses] = slot;
    // Note: the runtime tells a timeout by this reason, a `DOMException` named `TimeoutError`.
    const deadline = {
      at: ms === false ? NEVER : clock.now() + ms,
      expire: () =>
        controller.abort(new DOMException(`The attempt timed out after ${ms} ms`, "TimeoutError")),
    };
    if (ms !== false) {
      if (waiting.size === 0 && timer && "ref" in timer) timer.ref();
      waiting.add(deadline);
      if (deadline.at < armedAt) arm(deadline.at);
    }
    // Note: through `onAbort`, so any number of attempts on one caller signal add one listener to it.
    const unlink = caller && onAbort(caller, () => controller.abort(caller.reason));
    return {
      signal: controller.signal,
      end(response) {
        if (waiting.delete(deadline) && waiting.size === 0) {
          if (timer && "unref" in timer) timer.unref();
          else stop();
        }
        unlink?.();
        const settled = response instanceof BufferedResponse || response?.body === null;
        if (reuseSignals && settled && !controller.signal.aborted && uses + 1 < MAX_USES) {
          slot[1] = uses + 1;
          spare.push(slot);
        }
      },
    };
  };
}

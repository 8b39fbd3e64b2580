import { checkRateLimitOptions, refuseOption } from "./check-options.js";
import { type Clock, systemClock } from "./clock.js";

/** A client-side request budget, shared by every call (and every retry) of one client. */
export interface RateLimitOptions {
  /** sustained requests per second (required) */
  requestsPerSecond: number;
  /** requests that may start at once before the rate applies (default 1) */
  burst?: number | undefined;
}

/**
 * Token bucket in its GCRA form: each request books the next slot in order, `1000 / requestsPerSecond`
 * ms apart, and up to `burst` slots may be booked ahead of now. Callers are released in the order
 * they asked, never before their slot.
 * @see https://en.wikipedia.org/wiki/Generic_cell_rate_algorithm
 */
export class RateLimiter {
  readonly #interval: number;
  readonly #tolerance: number;
  readonly #clock: Clock;
  /** theoretical arrival time of the next request */
  #next = Number.NEGATIVE_INFINITY;

  constructor(options: RateLimitOptions, clock: Clock = systemClock) {
    checkRateLimitOptions(options, refuseOption("RateLimiter: "));
    const { requestsPerSecond, burst = 1 } = options;
    this.#interval = 1000 / requestsPerSecond;
    this.#tolerance = (burst - 1) * this.#interval;
    this.#clock = clock;
  }

  /**
   * Books the next slot. Returns undefined when the request may start now (no `await` needed),
   * else a promise that resolves at its slot, or rejects with `signal.reason` if the caller aborts.
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined {
    const now = this.#clock.now();
    const slot = Math.max(this.#next, now);
    this.#next = slot + this.#interval;
    const releaseAt = slot - this.#tolerance;
    return releaseAt <= now ? undefined : this.#wait(releaseAt, this.#next, signal);
  }

  async #wait(releaseAt: number, booked: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      // Note: loops because a timer may fire a fraction of a millisecond early; a slot is never given early.
      for (let left = releaseAt - this.#clock.now(); left > 0; left = releaseAt - this.#clock.now()) {
        await this.#clock.sleep(left, signal);
      }
    } catch (error) {
      // An aborted caller at the end of the queue gives its slot back; one in the middle keeps it, so
      // the callers behind it are not moved forward past the limit.
      if (this.#next === booked) this.#next -= this.#interval;
      throw error;
    }
  }
}

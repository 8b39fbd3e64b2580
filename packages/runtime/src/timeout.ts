/**
 * One attempt's deadline: `signal` aborts when `ms` pass (then `timedOut` is true) or when the
 * caller's signal aborts, whichever comes first. The timer starts when the attempt starts, and
 * `clear()` must be called once the response headers are in.
 *
 * A class rather than closures: the instance is its own `abort` listener (`handleEvent`), so an
 * attempt allocates one object, one controller and one timer.
 */
export class AttemptTimeout {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  #timedOut = false;

  constructor(ms: number, caller?: AbortSignal) {
    this.#caller = caller;
    this.#timer = setTimeout(expire, ms, this);
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener("abort", this);
  }

  /** pass this to `fetch` for the attempt */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** true when the deadline, not the caller, ended the attempt */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** @internal the caller's signal aborted */
  handleEvent(): void {
    this.#controller.abort(this.#caller?.reason);
  }

  /** @internal the deadline passed */
  expire(): void {
    this.#timedOut = true;
    this.#controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
  }

  /** stops the timer and detaches from the caller's signal */
  clear(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this);
  }
}

function expire(timeout: AttemptTimeout): void {
  timeout.expire();
}

/**
 * The callbacks waiting on each signal.
 *
 * Note: a side table on purpose. Node warns about a leak (`MaxListenersExceededWarning`) past 10
 * listeners on one `AbortSignal`, and one caller signal may stand behind hundreds of queued or
 * in-flight calls; so every wait on a signal shares one listener, and this module alone owns the
 * map from a signal to its callbacks. The map is weak: it keeps no signal alive.
 */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `callback` once when `signal` aborts (at once if it already has); returns a function that
 * stops waiting. Any number of waits on one signal add a single listener to it.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return ignore;
  }
  let callbacks = waiting.get(signal);
  if (callbacks === undefined) {
    const created = new Set<() => void>();
    callbacks = created;
    waiting.set(signal, created);
    signal.addEventListener(
      "abort",
      () => {
        waiting.delete(signal);
        for (const run of created) run();
      },
      { once: true },
    );
  }
  const registered = callbacks;
  registered.add(callback);
  return () => {
    registered.delete(callback);
  };
}

function ignore(): void {}

// What a browser bundle gets in place of on-abort.ts (package.json `browser` field): a listener per
// wait. on-abort.ts shares one listener per signal because Node warns past 10 listeners on a signal
// (`MaxListenersExceededWarning`); a browser does not warn, and ships fewer bytes.

/** Runs `callback` once when `signal` aborts (at once if it already has); returns a function that stops waiting. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) callback();
  else signal.addEventListener("abort", callback, { once: true });
  return () => signal.removeEventListener("abort", callback);
}

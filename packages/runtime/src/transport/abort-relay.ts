import { EventEmitter } from "node:events";

/** An `AbortSignal` as undici's `request` listens to it: `aborted`, `reason` and an `abort` event. */
class AbortRelay extends EventEmitter {
  aborted = false;
  reason: unknown;
}

/**
 * The relay of each signal.
 * Note: undici adds and removes an `abort` listener on the signal of every request, and on an
 * `AbortSignal` (an `EventTarget`) that costs about as much as the rest of the transport's own work
 * on a loopback call; on an `EventEmitter` it is cheap. The runtime shares one signal between
 * attempts that start together, so one relay per signal, made once, serves them all. This module
 * alone owns the map; it is weak, so it keeps no signal alive.
 */
const relays = new WeakMap<AbortSignal, AbortRelay>();

/** The one relay of `signal`, made on first use. */
export function relay(signal: AbortSignal): AbortRelay {
  let relayed = relays.get(signal);
  if (relayed === undefined) {
    const created = new AbortRelay();
    // Note: any number of requests may share the signal; each adds one listener while it runs.
    created.setMaxListeners(0);
    signal.addEventListener(
      "abort",
      () => {
        created.aborted = true;
        created.reason = signal.reason;
        created.emit("abort");
      },
      { once: true },
    );
    relays.set(signal, created);
    relayed = created;
  }
  return relayed;
}

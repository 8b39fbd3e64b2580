// What a runtime's HMAC-SHA256 must do to check a delivery, and the small cache of keys both share.

/**
 * True when one of `signatures` is the HMAC-SHA256, keyed by the hex `secret`'s bytes, of
 * `<timestamp>.<body>` (the body's raw bytes; a string as UTF-8), compared in constant time.
 * @see https://docs.dixa.io/docs/webhooks/webhooks-security
 */
export type SignatureCheck = (
  secret: string,
  timestamp: string,
  body: string | Uint8Array,
  signatures: readonly Uint8Array[],
) => boolean | Promise<boolean>;

/** How many secrets keep an imported key (a receiver has a few: one per subscription). */
const MAX_KEYS = 16;

/**
 * The key of `secret` from `cache`, made once by `make`. Note: bounded, dropping the oldest secret, so
 * a receiver given many secrets holds at most MAX_KEYS keys.
 */
export function cachedKey<K>(cache: Map<string, K>, secret: string, make: (secret: string) => K): K {
  let key = cache.get(secret);
  if (key === undefined) {
    key = make(secret);
    cache.set(secret, key);
    if (cache.size > MAX_KEYS) cache.delete(cache.keys().next().value as string);
  }
  return key;
}

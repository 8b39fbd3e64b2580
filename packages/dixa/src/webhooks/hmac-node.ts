// The signature check through node:crypto, which Node runs several times faster than Web Crypto's
// `subtle` for a 10 KB body, and synchronously (bench/README.md, "Webhook verification").
import { createHmac, timingSafeEqual } from "node:crypto";
import { hexBytes } from "./hex.js";
import { cachedKey, type SignatureCheck } from "./hmac.js";

// Note: the key's bytes, not a KeyObject: `createHmac` is faster with a Uint8Array key on Node 20.
const keys = new Map<string, Uint8Array>();

/** One HMAC per delivery, compared with each `v1` by `timingSafeEqual`; the key is made once per secret. */
export const nodeSignatureCheck: SignatureCheck = (secret, timestamp, body, signatures) => {
  const digest = createHmac("sha256", cachedKey(keys, secret, hexBytes))
    .update(`${timestamp}.`)
    .update(body)
    .digest();
  return signatures.some(
    (signature) => signature.length === digest.length && timingSafeEqual(signature, digest),
  );
};

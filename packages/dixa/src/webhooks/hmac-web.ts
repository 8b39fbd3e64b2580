// The signature check through Web Crypto: Node 20, Deno, Bun, workers and browsers alike.

import { hexBytes } from "./hex.js";
import { cachedKey, type SignatureCheck } from "./hmac.js";

const keys = new Map<string, Promise<CryptoKey>>();
const encoder = new TextEncoder();

function importKey(secret: string): Promise<CryptoKey> {
  const key = crypto.subtle.importKey("raw", hexBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  // Note: a failed import is not cached, so the next call tries again.
  key.catch(() => keys.delete(secret));
  return key;
}

/** `<timestamp>.<body>` as bytes. */
function signedBytes(timestamp: string, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof body === "string") return encoder.encode(`${timestamp}.${body}`);
  const prefix = encoder.encode(`${timestamp}.`);
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}

/** `subtle.verify` compares in constant time; the key is imported once per secret. */
export const webCryptoSignatureCheck: SignatureCheck = async (secret, timestamp, body, signatures) => {
  const key = await cachedKey(keys, secret, importKey);
  const data = signedBytes(timestamp, body);
  for (const signature of signatures) {
    if (await crypto.subtle.verify("HMAC", key, signature as Uint8Array<ArrayBuffer>, data)) return true;
  }
  return false;
};

import { WebhookSecretError } from "./errors.js";

/**
 * Checks a webhook secret before any use: a non-empty string of hex digit pairs, without surrounding
 * whitespace. Throws `WebhookSecretError` saying what is wrong (never the secret itself).
 * @see https://docs.dixa.io/docs/webhooks/webhooks-security ("The secret key is HEX encoded")
 */
export function checkDixaWebhookSecret(secret: unknown): asserts secret is string {
  const problem =
    typeof secret !== "string"
      ? `got ${secret === undefined || secret === null ? String(secret) : `a ${typeof secret}`}`
      : secret === ""
        ? "got an empty string"
        : secret.trim() !== secret
          ? "it has whitespace around it"
          : !/^[0-9a-f]*$/i.test(secret)
            ? "it has a character that is not a hex digit (is it the key as text?)"
            : secret.length % 2 === 1
              ? "it has an odd number of hex digits"
              : undefined;
  if (problem !== undefined) throw new WebhookSecretError(problem);
}

/** The bytes of a checked hex string (either case). */
export function hexBytes(hex: string) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (nibble(hex, 2 * i) << 4) | nibble(hex, 2 * i + 1);
  return bytes;
}

/** The value of the hex digit at `at`: 0-9, a-f, A-F. */
function nibble(hex: string, at: number): number {
  const code = hex.charCodeAt(at);
  return code <= 57 ? code - 48 : (code | 32) - 87;
}

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

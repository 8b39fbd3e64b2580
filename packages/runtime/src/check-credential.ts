import { assertHeaderSafe } from "./header-value.js";
import { MissingCredentialError } from "./input-errors.js";

/**
 * Throws `MissingCredentialError` for a credential that is unset, blank, wrapped in whitespace (which
 * the header would lose, so the vendor and the redaction would see different values) or not sendable
 * as a header, never showing it; `label` names it, e.g. `createDixaClient: \`apiKey\``. The one check
 * behind every client factory and the facade, so a bad credential fails the same way wherever it is
 * given.
 */
export function checkCredential(credential: unknown, label: string): asserts credential is string {
  if (typeof credential !== "string" || credential.trim() === "") {
    throw new MissingCredentialError(`${label} is required`);
  }
  // Note: whitespace first, as the facade checks an environment variable: a pasted newline is the usual cause.
  if (credential.trim() !== credential) {
    throw new MissingCredentialError(`${label} has leading or trailing whitespace`);
  }
  assertHeaderSafe(credential, label);
}

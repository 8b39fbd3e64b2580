import { type CredentialProblem, MissingCredentialError } from "./errors.js";
import { isHeaderValue } from "./redact.js";

/** What is wrong with a credential, or undefined when it can be sent as it is. */
export function credentialProblem(credential: unknown): CredentialProblem | undefined {
  if (typeof credential !== "string" || credential.trim() === "") return "missing";
  if (credential.trim() !== credential) return "whitespace";
  return isHeaderValue(credential) ? undefined : "unsafe";
}

const SAYS: Record<CredentialProblem, string> = {
  missing: "is required",
  whitespace: "has surrounding whitespace (a pasted newline or space?)",
  unsafe: "has characters an HTTP header cannot carry",
};

/**
 * Throws `MissingCredentialError` for a credential that is unset, blank, surrounded by whitespace or
 * not sendable as a header, never showing it; `label` names it, e.g. `createDixaClient: \`apiKey\``.
 * The one check behind every client factory and the facade, so a bad credential fails the same way.
 */
export function checkCredential(credential: unknown, label: string): asserts credential is string {
  const problem = credentialProblem(credential);
  if (problem) throw new MissingCredentialError(`${label} ${SAYS[problem]}`, problem);
}

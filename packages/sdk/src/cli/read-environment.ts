import { checkClientOptions, MissingCredentialError } from "@cxkit/runtime";
import { credentialProblem } from "../check-input.js";
import { CREDENTIAL_VARIABLES, type CredentialProblem } from "../errors.js";
import { type Quote, UsageError } from "./parse-command.js";

/** The variables `cxkit` reads: credentials (required, checked by the facade) and API roots (optional). */
const VARIABLES = ["ALPHARUN_API_TOKEN", "DIXA_API_KEY", "ALPHARUN_BASE_URL", "DIXA_BASE_URL"] as const;

/** What is wrong with credential variables, in the CLI's words, for one variable or several. */
const PROBLEMS: Record<CredentialProblem, (several: boolean) => string> = {
  missing: (several) =>
    `${several ? "are" : "is"} not set: set ${several ? "them" : "it"} in the environment`,
  whitespace: (several) => `${several ? "have" : "has"} surrounding whitespace: remove it`,
  unsafe: (several) =>
    `${several ? "have" : "has"} characters an HTTP header cannot carry: check ${several ? "their values" : "its value"}`,
};

/**
 * The environment as `cxkit` uses it: each variable trimmed of surrounding whitespace (a pasted
 * newline is the usual slip), said once through `note`, and checked: every credential variable that
 * is unset or unusable, named together in one `MissingCredentialError` (the CLI reads credentials from
 * the environment only), and each base URL, naming the variable. A blank base URL counts as unset.
 * Credentials never appear in a note or an error; a base URL is quoted through `quote`.
 */
export function readEnvironment(
  env: Record<string, string | undefined>,
  note: (message: string) => void,
  quote: Quote,
): Record<string, string | undefined> {
  const clean = { ...env };
  for (const variable of VARIABLES) {
    const value = env[variable];
    if (value === undefined || value.trim() === value) continue;
    clean[variable] = value.trim();
    if (value.trim() !== "") note(`${variable} has surrounding whitespace; using it trimmed`);
  }
  const unusable = new Map<CredentialProblem, string[]>();
  for (const variable of Object.values(CREDENTIAL_VARIABLES)) {
    const problem = credentialProblem(clean[variable]);
    if (problem) unusable.set(problem, [...(unusable.get(problem) ?? []), variable]);
  }
  if (unusable.size > 0) {
    const problems = [...unusable].map(
      ([problem, variables]) => `${variables.join(" and ")} ${PROBLEMS[problem](variables.length > 1)}`,
    );
    throw new MissingCredentialError(`${problems.join("; ")} (see cxkit --help)`);
  }
  for (const variable of ["ALPHARUN_BASE_URL", "DIXA_BASE_URL"] as const) {
    const baseUrl = clean[variable] || undefined;
    checkClientOptions({ baseUrl }, (_option, allowed, given) => {
      throw new UsageError(`${variable} must be ${allowed}, got ${quote(String(given))}`);
    });
  }
  return clean;
}

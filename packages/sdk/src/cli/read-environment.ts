import { checkClientOptions, createRedactor, MissingCredentialError, quoteInput } from "@cxkit/runtime";
import { credentialProblem } from "../check-input.js";
import { webhookSecretProblem } from "../dixa-to-alpharun/check-webhook-options.js";
import { CREDENTIAL_VARIABLES, WEBHOOK_SECRET_VARIABLE } from "../errors.js";
import { type Quote, UsageError } from "./parse-command.js";

/** The variables `cxkit` reads: credentials (required, checked by the facade) and API roots (optional). */
const VARIABLES = [
  "ALPHARUN_API_TOKEN",
  "DIXA_API_KEY",
  "DIXA_WEBHOOK_SECRET",
  "ALPHARUN_BASE_URL",
  "DIXA_BASE_URL",
] as const;

/**
 * The environment as `cxkit` uses it: each variable trimmed of surrounding whitespace (a pasted
 * newline is the usual slip), said once through `note`, and each base URL checked, naming the
 * variable (quoted through `quote`). A blank base URL counts as unset. Values never appear in a note.
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
  for (const variable of ["ALPHARUN_BASE_URL", "DIXA_BASE_URL"] as const) {
    const baseUrl = clean[variable] || undefined;
    checkClientOptions({ baseUrl }, (_option, allowed, given) => {
      throw new UsageError(`${variable} must be ${allowed}, got ${quote(String(given))}`);
    });
  }
  return clean;
}

/**
 * How the CLI quotes what a user typed: `quoteInput` (at most 80 characters), after hiding the
 * credentials and webhook secret of `env`, so an argument that holds one (pasted in the wrong place)
 * never reaches stderr, not even its first 80 characters.
 */
export function quoteHiding(env: Record<string, string | undefined>): Quote {
  const secrets = [...Object.values(CREDENTIAL_VARIABLES), WEBHOOK_SECRET_VARIABLE];
  const redactor = createRedactor(secrets.map((name) => env[name]?.trim() ?? ""));
  return (value) => quoteInput(redactor.string(value));
}

/** What is wrong with a required variable, in the CLI's words: "missing", or the rest of a sentence. */
type VariableCheck = (value: string | undefined) => "missing" | string | undefined;

const credential: VariableCheck = (value) => {
  const problem = credentialProblem(value);
  if (problem === "unsafe") return "has characters an HTTP header cannot carry: check its value";
  return problem === "whitespace" ? "has surrounding whitespace: remove it" : problem;
};

/** What `cxkit sync` and `cxkit backfill` need: both API credentials. */
export const API_CREDENTIALS: Record<string, VariableCheck> = {
  [CREDENTIAL_VARIABLES.alpharun]: credential,
  [CREDENTIAL_VARIABLES.dixa]: credential,
};

/** What `cxkit serve` needs besides: the Dixa webhook secret, the hex-encoded key as Dixa shows it. */
export const WEBHOOK_SECRET: Record<string, VariableCheck> = {
  [WEBHOOK_SECRET_VARIABLE]: (value) => {
    if (value === undefined || value.trim() === "") return "missing";
    const problem = webhookSecretProblem(value);
    return problem && `is not usable: ${problem}`;
  },
};

/**
 * Throws one `MissingCredentialError` naming every required variable that is unset or unusable, in the
 * CLI's words (`cxkit` reads credentials from the environment only), e.g. `ALPHARUN_API_TOKEN and
 * DIXA_API_KEY are not set: set them in the environment (see cxkit --help)`. Never shows a value.
 */
export function checkRequiredVariables(
  env: Record<string, string | undefined>,
  required: Record<string, VariableCheck>,
): void {
  const missing: string[] = [];
  const problems: string[] = [];
  for (const [variable, check] of Object.entries(required)) {
    const problem = check(env[variable]);
    if (problem === "missing") missing.push(variable);
    else if (problem) problems.push(`${variable} ${problem}`);
  }
  if (missing.length > 1) {
    const last = missing.pop();
    problems.unshift(`${missing.join(", ")} and ${last} are not set: set them in the environment`);
  } else if (missing.length === 1) problems.unshift(`${missing[0]} is not set: set it in the environment`);
  if (problems.length > 0) throw new MissingCredentialError(`${problems.join("; ")} (see cxkit --help)`);
}
